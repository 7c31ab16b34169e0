package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// FieldAttachment is the composer's attached file.
const FieldAttachment = "attachment"

// WhatsApp's limits for what Parley lets the owner attach.
const (
	MaxImageBytes    = 5 << 20   // JPEG or PNG photo
	MaxDocumentBytes = 100 << 20 // PDF, office file or text
	MaxCaptionLen    = 1024
)

// attachable maps a file extension to its MIME type and message type.
var attachable = map[string]struct {
	mime string
	kind MessageType
}{
	".jpg":  {"image/jpeg", MsgImage},
	".jpeg": {"image/jpeg", MsgImage},
	".png":  {"image/png", MsgImage},
	".pdf":  {"application/pdf", MsgDocument},
	".txt":  {"text/plain", MsgDocument},
	".doc":  {"application/msword", MsgDocument},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", MsgDocument},
	".xls":  {"application/vnd.ms-excel", MsgDocument},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MsgDocument},
	".ppt":  {"application/vnd.ms-powerpoint", MsgDocument},
	".pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation", MsgDocument},
}

// AttachableExtensions returns the file name extensions (".jpg", ...)
// of what CheckAttachment accepts, in order, for a file dialog's filter.
func AttachableExtensions() []string {
	return slices.Sorted(maps.Keys(attachable))
}

// AttachmentInfo describes a file the owner chose to send.
type AttachmentInfo struct {
	Path     string
	FileName string
	MIMEType string
	Kind     MessageType // MsgImage or MsgDocument
	Size     int64
	// Shrink says the photo is over MaxImageBytes: SendAttachment sends
	// it scaled down as a JPEG under the limit (see ShrinkPhoto).
	Shrink bool
}

// CheckAttachment checks, before anything is uploaded, that WhatsApp
// takes the file at path: a JPEG or PNG photo (one over 5 MB is sent
// scaled down, see AttachmentInfo.Shrink), or a PDF, office or text
// document up to 100 MB. Problems come back as a FieldError on
// FieldAttachment, in plain words.
func (c *InboxUseCases) CheckAttachment(path string) (AttachmentInfo, error) {
	bad := func(format string, args ...any) (AttachmentInfo, error) {
		return AttachmentInfo{}, ValidationErrors{{Field: FieldAttachment, Message: fmt.Sprintf(format, args...)}}
	}
	// Messages name the file as DisplayName shows it: a file name can
	// hold characters that turn what follows around.
	name := DisplayName(filepath.Base(path))
	st, err := c.files.Stat(path)
	if err != nil {
		return bad("Parley cannot open %s. Check that the file still exists.", name)
	}
	if st.IsDir() {
		return bad("%s is a folder. Choose a photo or a document.", name)
	}
	kind, ok := attachable[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return bad("WhatsApp sends photos (JPEG, PNG) and documents (PDF, Word, Excel, PowerPoint, text); %s is none of these.", name)
	}
	if st.Size() == 0 {
		return bad("%s is empty.", name)
	}
	limit := int64(MaxDocumentBytes)
	if kind.kind == MsgImage {
		limit = MaxImageBytes
		if sniffed, err := sniff(c.files, path); err != nil || sniffed != kind.mime {
			return bad("%s is not a real %s photo. Save it again as JPEG or PNG.", name, strings.ToUpper(strings.TrimPrefix(kind.mime, "image/")))
		}
	}
	info := AttachmentInfo{Path: path, FileName: filepath.Base(path), MIMEType: kind.mime, Kind: kind.kind, Size: st.Size()}
	if kind.kind == MsgImage && st.Size() > limit {
		if problem := c.checkShrinkable(path, name, st.Size()); problem != "" {
			return bad("%s", problem)
		}
		info.Shrink = true
		return info, nil
	}
	if st.Size() > limit {
		return bad("WhatsApp takes a document of at most %s; %s has %s.", HumanBytes(limit), name, HumanBytes(st.Size()))
	}
	if kind.kind == MsgImage {
		if problem := c.checkPixels(path, name); problem != "" {
			return bad("%s", problem)
		}
	}
	return info, nil
}

// checkPixels refuses a photo whose header claims more pixels than
// MaxImagePixels: a small file can claim 30000×30000 pixels, which would
// stall the customer's phone as it stalls a computer. A header Parley
// cannot read is left to WhatsApp.
func (c *InboxUseCases) checkPixels(path, name string) string {
	f, err := c.files.Open(path)
	if err != nil {
		return fmt.Sprintf("Parley cannot open %s. Check that the file still exists.", name)
	}
	defer f.Close()
	var big *ImageTooLargeError
	if _, _, err := CheckImage(f); errors.As(err, &big) {
		return fmt.Sprintf("%s has %d×%d pixels, more than a phone can show (at most %d megapixels). Save it smaller and try again.",
			name, big.Width, big.Height, MaxImagePixels/1_000_000)
	}
	return ""
}

// checkShrinkable says, in plain words, why the photo at path (shown as
// name, of size bytes) cannot be scaled down under WhatsApp's limit, or
// "" when it can: its header is read, never its pixels.
func (c *InboxUseCases) checkShrinkable(path, name string, size int64) string {
	if size > MaxShrinkSourceBytes {
		return fmt.Sprintf("WhatsApp takes a photo of at most %s, and Parley scales down photos of up to %s; %s has %s.",
			HumanBytes(MaxImageBytes), HumanBytes(MaxShrinkSourceBytes), name, HumanBytes(size))
	}
	f, err := c.files.Open(path)
	if err != nil {
		return fmt.Sprintf("Parley cannot open %s. Check that the file still exists.", name)
	}
	defer f.Close()
	_, _, err = CheckImage(f)
	var big *ImageTooLargeError
	switch {
	case errors.As(err, &big):
		return fmt.Sprintf("%s has %d×%d pixels; Parley scales down photos of up to %d megapixels. Save it smaller and try again.",
			name, big.Width, big.Height, MaxImagePixels/1_000_000)
	case err != nil:
		return fmt.Sprintf("%s is larger than WhatsApp's %s for a photo and Parley cannot read it to scale it down. Save it again as JPEG or PNG.",
			name, HumanBytes(MaxImageBytes))
	}
	return ""
}

// sniff returns the MIME type the file's first bytes show.
func sniff(files MediaFiles, path string) (string, error) {
	f, err := files.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && n == 0 {
		return "", err
	}
	return http.DetectContentType(head[:n]), nil
}

// HumanBytes writes a file size the way a file manager does: "840 KB",
// "1.2 MB".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// SendAttachment queues the photo or document at path, with an optional
// caption, as a reply in the conversation. Like a text reply it needs the
// 24-hour window open. The file is copied into the media folder first, so
// the message survives the original being moved; the outbox uploads it
// and then sends the message.
func (c *InboxUseCases) SendAttachment(ctx context.Context, conversationID int64, path, caption, replyTo string) (Message, error) {
	info, err := c.CheckAttachment(path)
	if err != nil {
		return Message{}, err
	}
	caption = strings.TrimSpace(caption)
	if n := utf8.RuneCountInString(caption); n > MaxCaptionLen {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: fmt.Sprintf(
			"A caption can be at most %d characters (now %d).", MaxCaptionLen, n)}}
	}
	cv, err := c.replyConversation(ctx, "send attachment", conversationID)
	if err != nil {
		return Message{}, err
	}
	if c.mediaDir == "" {
		return Message{}, fmt.Errorf("send attachment: %w", ErrNoMediaDir)
	}
	data, err := c.readAttachment(&info)
	if err != nil {
		return Message{}, err
	}
	tag := make([]byte, 6)
	_, _ = rand.Read(tag)
	local := filepath.Join(c.mediaDir, "sent", hex.EncodeToString(tag)+"-"+safeFileName(info.FileName))
	if err := c.files.WriteFile(local, data); err != nil {
		return Message{}, fmt.Errorf("send attachment: keep a copy: %w", err)
	}
	media := &Media{MIMEType: info.MIMEType, Filename: info.FileName, Size: info.Size, Caption: caption, LocalPath: local}
	return c.enqueue(ctx, Message{ChannelID: cv.ChannelID, ConversationID: cv.ID, Type: info.Kind, Text: caption, ReplyTo: replyTo, Media: media})
}

// readAttachment reads the file info describes; a photo over WhatsApp's
// limit comes back scaled down as a JPEG, with info's name, type and size
// changed to match.
func (c *InboxUseCases) readAttachment(info *AttachmentInfo) ([]byte, error) {
	cannot := func(err error) error {
		return ValidationErrors{{Field: FieldAttachment, Message: "Parley cannot read " + DisplayName(info.FileName) + ": " + err.Error()}}
	}
	if !info.Shrink {
		data, err := c.files.ReadFile(info.Path)
		if err != nil {
			return nil, cannot(err)
		}
		return data, nil
	}
	f, err := c.files.Open(info.Path)
	if err != nil {
		return nil, cannot(err)
	}
	defer f.Close()
	data, _, err := ShrinkPhoto(f, MaxImageBytes)
	if err != nil {
		return nil, ValidationErrors{{Field: FieldAttachment, Message: fmt.Sprintf(
			"Parley could not scale %s down to WhatsApp's %s for a photo: %s", DisplayName(info.FileName), HumanBytes(MaxImageBytes), Explain(err))}}
	}
	info.FileName = strings.TrimSuffix(info.FileName, filepath.Ext(info.FileName)) + ".jpg"
	info.MIMEType, info.Size = "image/jpeg", int64(len(data))
	return data, nil
}
