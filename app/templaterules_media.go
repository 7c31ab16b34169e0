package app

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

// MaxTemplateUpload is the largest sample file Parley uploads for a media
// header (the product's limit; WhatsApp allows up to 100 MB documents).
const MaxTemplateUpload = 20 << 20

// mediaRule describes the sample file a media header accepts.
type mediaRule struct {
	noun       string   // "image"
	kinds      string   // "JPG or PNG"
	article    string   // "a" or "an", to go before kinds
	mimes      []string // accepted MIME types
	extensions []string // file name endings, with the dot
	whatsApp   int64    // WhatsApp's limit in bytes
}

var mediaRules = map[string]mediaRule{
	HeaderImage:    {"image", "JPG or PNG", "a", []string{"image/jpeg", "image/png"}, []string{".jpg", ".jpeg", ".png"}, 5 << 20},
	HeaderVideo:    {"video", "MP4 or 3GP", "an", []string{"video/mp4", "video/3gpp"}, []string{".mp4", ".3gp", ".3gpp"}, 16 << 20},
	HeaderDocument: {"document", "PDF", "a", []string{"application/pdf"}, []string{".pdf"}, 100 << 20},
}

// limit is the largest file Parley accepts: WhatsApp's limit, capped by
// the upload limit.
func (r mediaRule) limit() int64 { return min(r.whatsApp, MaxTemplateUpload) }

// HeaderMediaExtensions returns the file name endings (".jpg", …) a media
// header of the given format accepts, for a file picker's filter; nil for
// other formats.
func HeaderMediaExtensions(format string) []string {
	r, ok := mediaRules[format]
	if !ok {
		return nil
	}
	return append([]string(nil), r.extensions...)
}

// HeaderMediaHint describes what a media header accepts in a few words,
// e.g. "JPG or PNG, up to 5 MB"; "" for other formats.
func HeaderMediaHint(format string) string {
	r, ok := mediaRules[format]
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s, up to %s", r.kinds, megabytes(r.limit()))
}

// headerMedia checks the sample file of a media header. A header whose
// sample was already uploaded (Example holds the handle or URL) and that
// has no local file is accepted as it is.
func (v *templateCheck) headerMedia(h TemplateHeader) {
	r := mediaRules[h.Format]
	if len(h.Media) == 0 {
		if strings.TrimSpace(h.Example) == "" {
			v.add(FieldTemplateHeaderMedia, "Add a sample %s (%s) so WhatsApp's reviewers can see the header.", r.noun, HeaderMediaHint(h.Format))
		}
		return
	}
	if !r.accepts(mediaType(h)) {
		v.add(FieldTemplateHeaderMedia, "The header %s must be %s %s file.", r.noun, r.article, r.kinds)
		return
	}
	if size := int64(len(h.Media)); size > r.limit() {
		if r.limit() < r.whatsApp {
			v.add(FieldTemplateHeaderMedia, "The sample %s can be at most %s to upload (this file is %s).", r.noun, megabytes(r.limit()), megabytes(size))
		} else {
			v.add(FieldTemplateHeaderMedia, "WhatsApp allows a header %s of at most %s (this file is %s).", r.noun, megabytes(r.limit()), megabytes(size))
		}
		return
	}
	if h.Format == HeaderImage {
		var big *ImageTooLargeError
		if _, _, err := CheckImage(bytes.NewReader(h.Media)); errors.As(err, &big) {
			v.add(FieldTemplateHeaderMedia, "The sample image is %d×%d pixels, more than Parley can open (at most %d megapixels). Choose a smaller picture.",
				big.Width, big.Height, MaxImagePixels/1_000_000)
		}
	}
}

func (r mediaRule) accepts(mimeType string) bool {
	for _, m := range r.mimes {
		if m == mimeType {
			return true
		}
	}
	return false
}

// mediaType works out the MIME type of a header's sample file: from its
// content when that is recognisable, else from the stated MIME type, else
// from the file name.
func mediaType(h TemplateHeader) string {
	switch sniffed := http.DetectContentType(h.Media); sniffed {
	case "image/jpeg", "image/png", "video/mp4", "application/pdf":
		return sniffed
	}
	if h.MediaMIME != "" {
		if mt, _, err := mime.ParseMediaType(h.MediaMIME); err == nil {
			return mt
		}
	}
	return SampleTypeByName(h.MediaName)
}

// SampleTypeByName returns the MIME type a template header sample file's
// name suggests (JPEG, PNG, MP4, 3GPP or PDF), or "" for any other name.
func SampleTypeByName(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".png":
		return "image/png"
	case ".mp4":
		return "video/mp4"
	case ".3gp", ".3gpp":
		return "video/3gpp"
	case ".pdf":
		return "application/pdf"
	}
	return ""
}

// megabytes formats a byte count for people: "5 MB", "7.3 MB".
func megabytes(n int64) string {
	mb := float64(n) / (1 << 20)
	if mb == float64(int64(mb)) {
		return fmt.Sprintf("%d MB", int64(mb))
	}
	return fmt.Sprintf("%.1f MB", mb)
}
