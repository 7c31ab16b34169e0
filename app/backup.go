package app

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"time"
)

// Names inside Parley's data folder that a backup holds; persistence
// uses the same (its DBFileName and MediaFolderName).
const (
	DataFolderDatabase = "parley.db"
	DataFolderMedia    = "media"
)

// Names inside a backup file (a zip).
const (
	backupManifestName = "manifest.json"
	backupFormat       = "parley-backup"
	backupVersion      = 1
)

// backupManifest says what a zip file is: a Parley backup of a format
// version, holding a database of a schema version.
type backupManifest struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Schema  int       `json:"schema"`
	Created time.Time `json:"created"`
	// MediaDir is where the attachments were on the computer backed up.
	MediaDir string `json:"media_dir,omitempty"`
}

// BackupUseCases back up everything Parley keeps on this computer (the
// database and the saved attachments) into one zip file, and stage a
// restore from such a file for the next start. API keys stay in the
// system keyring: a backup holds none.
type BackupUseCases struct {
	*ports
}

// BackupProgress is called with the bytes written so far and the bytes
// to write in all; it may be nil.
type BackupProgress func(done, total int64)

// BackupResult tells what a backup wrote.
type BackupResult struct {
	Path  string
	Files int   // attachments
	Bytes int64 // database and attachments, before compression
}

// BackUp writes a consistent copy of the database (SQLite's online
// backup, so Parley keeps receiving meanwhile) and every saved attachment
// into the new zip file dst, with a manifest saying what it is. dst
// appears only when complete.
func (c *BackupUseCases) BackUp(ctx context.Context, dst string, progress BackupProgress) (BackupResult, error) {
	res, err := c.backUp(ctx, dst, progress)
	if err != nil {
		return BackupResult{}, fmt.Errorf("back up to %s: %w", dst, err)
	}
	return res, nil
}

func (c *BackupUseCases) backUp(ctx context.Context, dst string, progress BackupProgress) (BackupResult, error) {
	schema, err := c.store.SchemaVersion(ctx)
	if err != nil {
		return BackupResult{}, err
	}
	tmpDB := filepath.Join(filepath.Dir(dst), c.freeName(filepath.Dir(dst), ".parley-backup.db"))
	if err := c.store.BackupDatabase(ctx, tmpDB); err != nil {
		return BackupResult{}, err
	}
	defer c.exports.RemoveAll(tmpDB)
	info, err := c.files.Stat(tmpDB)
	if err != nil {
		return BackupResult{}, err
	}
	type file struct {
		src, name string
		size      int64
	}
	files := []file{{tmpDB, DataFolderDatabase, info.Size()}}
	res := BackupResult{Path: dst, Bytes: info.Size()}
	if c.mediaDir != "" {
		err := c.exports.Walk(c.mediaDir, func(rel string, size int64) error {
			files = append(files, file{filepath.Join(c.mediaDir, filepath.FromSlash(rel)), path.Join(DataFolderMedia, rel), size})
			res.Files++
			res.Bytes += size
			return nil
		})
		if err != nil {
			return BackupResult{}, err
		}
	}
	out, err := c.exports.Create(dst)
	if err != nil {
		return BackupResult{}, err
	}
	defer out.Abort()
	zw := zip.NewWriter(out)
	m := backupManifest{Format: backupFormat, Version: backupVersion, Schema: schema, Created: c.clock.Now().UTC(), MediaDir: c.mediaDir}
	w, err := zw.Create(backupManifestName)
	if err != nil {
		return BackupResult{}, err
	}
	if err := json.NewEncoder(w).Encode(m); err != nil {
		return BackupResult{}, err
	}
	var done int64
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return BackupResult{}, err
		}
		method := zip.Store // photos and videos are compressed already
		if i == 0 {
			method = zip.Deflate
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: method, Modified: m.Created})
		if err != nil {
			return BackupResult{}, err
		}
		n, err := c.copyInto(w, f.src)
		if err != nil {
			return BackupResult{}, err
		}
		done += n
		if progress != nil {
			progress(done, res.Bytes)
		}
	}
	if err := zw.Close(); err != nil {
		return BackupResult{}, err
	}
	return res, out.Commit()
}

// copyInto copies the file at src into w.
func (c *ports) copyInto(w io.Writer, src string) (int64, error) {
	in, err := c.exports.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	n, err := io.Copy(w, in)
	if err != nil {
		return n, fmt.Errorf("copy %s: %w", src, err)
	}
	return n, nil
}

// ErrNotABackup: the file is not a Parley backup, or a damaged one.
var ErrNotABackup = errors.New("not a Parley backup")

// ErrBackupTooNew: the backup was made by a newer Parley.
var ErrBackupTooNew = errors.New("the backup was made by a newer Parley")

// BackupError is a backup that cannot be restored, in plain words; Kind
// is ErrNotABackup or ErrBackupTooNew (or nil for another reason).
type BackupError struct {
	Kind  error
	Plain string
}

func (e *BackupError) Error() string { return e.Plain }

// Unwrap returns the error's kind.
func (e *BackupError) Unwrap() error { return e.Kind }
