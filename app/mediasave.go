package app

import "fmt"

// SaveAttachmentCopy copies a downloaded attachment, at src, to dst, a
// place the owner chose with "Save as…", replacing what is there. The
// copy is marked as coming from the internet, as the original is.
func (c *InboxUseCases) SaveAttachmentCopy(src, dst string) error {
	data, err := c.files.ReadFile(src)
	if err != nil {
		return fmt.Errorf("save attachment: read the downloaded copy: %w", err)
	}
	if err := c.files.WriteFile(dst, data); err != nil {
		return err
	}
	c.markDownloaded(dst)
	return nil
}

// markDownloaded marks a saved attachment as coming from the internet,
// where the system supports it (macOS's quarantine, Windows' Mark of the
// Web), so the system warns before a program in it runs and Office opens
// it in Protected View. A file system without the mark (a FAT stick)
// keeps the file unmarked; that is logged, not an error.
func (c *InboxUseCases) markDownloaded(path string) {
	if err := c.files.MarkFromInternet(path); err != nil {
		c.log.Warn("mark attachment as downloaded", "path", path, "err", err)
	}
}
