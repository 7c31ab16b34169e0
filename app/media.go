package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
)

// ErrNoMediaDir is returned by DownloadMedia when the core was built
// without a media folder.
var ErrNoMediaDir = errors.New("no folder for attachments is set")

// DownloadMedia returns the path of a message's attachment on this
// computer. The first call downloads it through the channel's provider,
// saves it in the media folder and records the path with the message;
// later calls return the cached file. A failed download leaves nothing
// behind, so it can simply be tried again.
func (c *InboxUseCases) DownloadMedia(ctx context.Context, messageID int64) (string, error) {
	return c.downloadMedia(ctx, messageID, nil)
}

// downloadMedia is DownloadMedia; check, when not nil, may refuse the
// downloaded file by its size before it is written.
func (c *InboxUseCases) downloadMedia(ctx context.Context, messageID int64, check func(size int) error) (string, error) {
	m, err := c.store.Message(ctx, messageID)
	if err != nil {
		return "", fmt.Errorf("download attachment: %w", err)
	}
	if m.Media == nil {
		return "", fmt.Errorf("download attachment: message %d has no attachment", messageID)
	}
	if p := m.Media.LocalPath; p != "" {
		if _, err := c.files.Stat(p); err == nil {
			return p, nil
		}
	}
	if c.mediaDir == "" {
		return "", fmt.Errorf("download attachment: %w", ErrNoMediaDir)
	}
	if m.Media.ID == "" {
		return "", fmt.Errorf("download attachment: WhatsApp gave no media id for message %d", messageID)
	}
	p, err := c.provider(m.ChannelID)
	if err != nil {
		return "", keyringProblem("download attachment", err)
	}
	data, info, err := p.DownloadMedia(ctx, m.Media.ID)
	if err != nil {
		return "", fmt.Errorf("download attachment: %w", err)
	}
	if check != nil {
		if err := check(len(data)); err != nil {
			return "", fmt.Errorf("download attachment: %w", err)
		}
	}
	path := filepath.Join(c.mediaDir, mediaFileName(m, info))
	if err := c.files.WriteFile(path, data); err != nil {
		return "", fmt.Errorf("download attachment: %w", err)
	}
	c.markDownloaded(path)
	if err := c.store.SetMediaPath(ctx, messageID, path); err != nil {
		return "", fmt.Errorf("download attachment: %w", err)
	}
	return path, nil
}

// mediaFileName names the saved copy of a message's attachment: the
// message id, so names never clash, and the extension of the type
// WhatsApp reports, from a short list (".bin" for the rest). The
// sender's file name is never used: it would choose what opening the
// file does ("invoice.pdf.exe", "run.desktop").
func mediaFileName(m Message, info Media) string {
	mimeType := m.Media.MIMEType
	if mimeType == "" {
		mimeType = info.MIMEType
	}
	return fmt.Sprintf("%d%s", m.ID, extensionFor(mimeType))
}

// safeFileName keeps a sender's file name usable on every system: no
// folders, no control or reserved characters, at most 100 characters.
func safeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "." || name == "/" || name == ".." {
		return ""
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsControl(r), strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), " .")
	if r := []rune(out); len(r) > 100 {
		out = string(r[len(r)-100:])
	}
	return out
}
