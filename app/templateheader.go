package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// FieldTemplateHeaderFile is the file sent in a template's photo, video
// or document header.
const FieldTemplateHeaderFile = "template.header_file"

// headerFileNoun names what a media header of format holds, in the
// owner's words: "photo", "video" or "document".
func headerFileNoun(format string) string {
	switch format {
	case HeaderImage:
		return "photo"
	case HeaderVideo:
		return "video"
	}
	return "document"
}

// HeaderFileLabel is the label of the file field of a template whose
// header is a photo, video or document ("Header photo"); "" for other
// headers.
func HeaderFileLabel(format string) string {
	if _, ok := mediaRules[format]; !ok {
		return ""
	}
	return "Header " + headerFileNoun(format)
}

// checkHeaderFile checks, before anything is copied or uploaded, that
// WhatsApp takes the file at path in a media header of format: the type
// the template was approved with (JPEG or PNG photo, MP4 or 3GP video,
// PDF document), content that really is of that type, and WhatsApp's
// size limit. Problems come back on FieldTemplateHeaderFile.
func (c *InboxUseCases) checkHeaderFile(format, path string) (AttachmentInfo, error) {
	r, ok := mediaRules[format]
	if !ok {
		return AttachmentInfo{}, fmt.Errorf("check header file: %q is no media header", format)
	}
	noun := headerFileNoun(format)
	bad := func(f string, args ...any) (AttachmentInfo, error) {
		return AttachmentInfo{}, ValidationErrors{{Field: FieldTemplateHeaderFile, Message: fmt.Sprintf(f, args...)}}
	}
	if strings.TrimSpace(path) == "" {
		return bad("Choose the %s to send in the header.", noun)
	}
	// Messages name the file as DisplayName shows it.
	name := DisplayName(filepath.Base(path))
	st, err := c.files.Stat(path)
	if err != nil {
		return bad("Parley cannot open %s. Check that the file still exists, or choose another %s.", name, noun)
	}
	if st.IsDir() {
		return bad("%s is a folder. Choose a %s.", name, noun)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if !slices.Contains(r.extensions, ext) {
		return bad("This template's header takes %s %s (%s); %s is not one.", article(noun), noun, r.kinds, name)
	}
	if st.Size() == 0 {
		return bad("%s is empty.", name)
	}
	if st.Size() > r.whatsApp {
		return bad("WhatsApp takes a header %s of at most %s; %s has %s.", noun, megabytes(r.whatsApp), name, HumanBytes(st.Size()))
	}
	mimeType := SampleTypeByName(path)
	if !headerContentIs(c.files, path, mimeType) {
		return bad("%s is not a real %s file. Save it again as %s.", name, strings.ToUpper(strings.TrimPrefix(ext, ".")), r.kinds)
	}
	return AttachmentInfo{Path: path, FileName: filepath.Base(path), MIMEType: mimeType, Kind: headerKind(format), Size: st.Size()}, nil
}

// article is "a" or "an" for noun.
func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// headerKind is the message type of a header file of format.
func headerKind(format string) MessageType {
	switch format {
	case HeaderImage:
		return MsgImage
	case HeaderVideo:
		return MsgVideo
	}
	return MsgDocument
}

// headerContentIs reports whether the file's first bytes show mimeType:
// a photo is also checked to be of a size Parley can open.
func headerContentIs(files MediaFiles, path, mimeType string) bool {
	f, err := files.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch mimeType {
	case "video/mp4", "video/3gpp":
		// MP4 and 3GP files both begin with an ISO media "ftyp" box.
		return len(head) >= 8 && string(head[4:8]) == "ftyp"
	case "image/jpeg", "image/png":
		if sniffed, err := sniff(files, path); err != nil || sniffed != mimeType {
			return false
		}
		data, err := files.ReadFile(path)
		if err != nil {
			return false
		}
		_, _, err = CheckImage(bytes.NewReader(data))
		return err == nil
	}
	return len(head) > 0 && strings.HasPrefix(string(head), "%PDF-")
}

// keepHeaderFile checks the file at path for t's media header and keeps
// it in the media folder, so the queued message survives the original
// being moved; the outbox uploads that copy. The copy Parley already
// keeps (the Path LastHeaderFile offered) is used as it is.
func (c *InboxUseCases) keepHeaderFile(ctx context.Context, id ChannelID, t Template, path string) (*Media, error) {
	info, err := c.checkHeaderFile(t.Header.Format, path)
	if err != nil {
		return nil, err
	}
	media := &Media{MIMEType: info.MIMEType, Filename: info.FileName, Size: info.Size, LocalPath: path}
	last, err := c.store.TemplateHeaderFile(ctx, id, t.Name, t.Language)
	if err != nil {
		return nil, fmt.Errorf("send template: %w", err)
	}
	if last.Path != "" && last.Path == path {
		if last.Name != "" {
			media.Filename = last.Name
		}
		return media, nil
	}
	if c.mediaDir == "" {
		return nil, fmt.Errorf("send template: %w", ErrNoMediaDir)
	}
	data, err := c.files.ReadFile(path)
	if err != nil {
		return nil, ValidationErrors{{Field: FieldTemplateHeaderFile, Message: "Parley cannot read " + DisplayName(info.FileName) + ": " + err.Error()}}
	}
	tag := make([]byte, 6)
	_, _ = rand.Read(tag)
	media.LocalPath = filepath.Join(c.mediaDir, "sent", hex.EncodeToString(tag)+"-"+safeFileName(info.FileName))
	if err := c.files.WriteFile(media.LocalPath, data); err != nil {
		return nil, fmt.Errorf("send template: keep a copy of the header file: %w", err)
	}
	return media, nil
}

// LastHeaderFile returns the file last sent in t's photo, video or
// document header on the channel, to offer it again: Path is Parley's
// own copy (pass it as TemplateValues.HeaderFile), Name the file name the
// owner chose. It is zero when t has no media header, none was sent yet,
// or the copy is gone.
func (c *InboxUseCases) LastHeaderFile(ctx context.Context, id ChannelID, t Template) (HeaderFile, error) {
	if _, ok := mediaRules[t.Header.Format]; !ok {
		return HeaderFile{}, nil
	}
	last, err := c.store.TemplateHeaderFile(ctx, id, t.Name, t.Language)
	if err != nil || last.Path == "" {
		return HeaderFile{}, err
	}
	if _, err := c.files.Stat(last.Path); errors.Is(err, fs.ErrNotExist) {
		return HeaderFile{}, nil
	}
	return last, nil
}
