package persistence

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/app"
)

// ApplyStagedRestore puts a restore staged by app's StageRestore in
// place of the data folder's database and attachments. Open calls it
// first, before the database is opened (nothing may have it open); it
// reports whether a restore was applied.
//
// Every step is a rename within the data folder, so the folder is never
// half-restored: a crash at any point leaves either the staging folder
// without its READY mark (an unfinished StageRestore, thrown away: the
// data stays as it was), or a staged restore with its mark, which the
// next start carries on from where it stopped. For each part (the
// database with its -wal and -shm files, then the media folder) the
// current copy is first moved into restore-previous, then the staged one
// into its place; a part already moved is not moved again. Once all are
// in place the mark goes first (StageRestore stages a media folder even
// when the backup has no attachments, so a missing staged part always
// means "moved already"), then the staging folder, then the
// previous data.
func ApplyStagedRestore(dataDir string) (bool, error) {
	staging := filepath.Join(dataDir, app.RestoreStagingDir)
	if _, err := os.Stat(filepath.Join(staging, app.RestoreReadyMark)); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// Unfinished staging (or none): it never counts. The previous
			// data of a restore that stopped while cleaning up goes too.
			if err := errors.Join(os.RemoveAll(staging), os.RemoveAll(filepath.Join(dataDir, app.RestorePreviousDir))); err != nil {
				return false, fmt.Errorf("remove an unfinished restore: %w", err)
			}
			return false, nil
		}
		return false, fmt.Errorf("apply restore: %w", err)
	}
	previous := filepath.Join(dataDir, app.RestorePreviousDir)
	if err := os.MkdirAll(previous, 0o700); err != nil {
		return false, fmt.Errorf("apply restore: %w", err)
	}
	parts := []struct {
		staged string
		with   []string // files that go with the current copy
	}{
		{DBFileName, []string{DBFileName + "-wal", DBFileName + "-shm", DBFileName}},
		{MediaFolderName, []string{MediaFolderName}},
	}
	for _, p := range parts {
		staged := filepath.Join(staging, p.staged)
		if _, err := os.Lstat(staged); errors.Is(err, fs.ErrNotExist) {
			continue // moved already, by a start that stopped after it
		}
		for _, name := range p.with {
			if err := moveAside(filepath.Join(dataDir, name), filepath.Join(previous, name)); err != nil {
				return false, fmt.Errorf("apply restore: %w", err)
			}
		}
		if err := os.Rename(staged, filepath.Join(dataDir, p.staged)); err != nil {
			return false, fmt.Errorf("apply restore: put %s in place: %w", p.staged, err)
		}
		syncDir(dataDir)
	}
	if err := noteRelink(dataDir, filepath.Join(staging, app.RestoreReadyMark)); err != nil {
		return false, fmt.Errorf("apply restore: %w", err)
	}
	if err := os.Remove(filepath.Join(staging, app.RestoreReadyMark)); err != nil {
		return false, fmt.Errorf("apply restore: %w", err)
	}
	syncDir(staging)
	if err := os.RemoveAll(staging); err != nil {
		return true, fmt.Errorf("apply restore: clean up: %w", err)
	}
	if err := os.RemoveAll(previous); err != nil {
		return true, fmt.Errorf("apply restore: clean up: %w", err)
	}
	return true, nil
}

// moveAside moves src to dst, replacing what an earlier, interrupted
// start left at dst; a missing src is nothing to move.
func moveAside(src, dst string) error {
	if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	return os.Rename(src, dst)
}

// relinkNote, in the data folder, names the media folder a restored
// database's attachments were saved in, until Open has pointed them to
// this data folder's (relinkMedia).
const relinkNote = "restore-relink"

// noteRelink writes relinkNote when the backup's media folder (from the
// manifest in the READY mark) is not this data folder's.
func noteRelink(dataDir, ready string) error {
	b, err := os.ReadFile(ready)
	if err != nil {
		return err
	}
	var m struct {
		MediaDir string `json:"media_dir"`
	}
	if err := json.Unmarshal(b, &m); err != nil || m.MediaDir == "" {
		return nil // nothing to relink: the backup does not say
	}
	here, err := filepath.Abs(filepath.Join(dataDir, MediaFolderName))
	if err != nil || here == filepath.Clean(m.MediaDir) {
		return err
	}
	tmp := filepath.Join(dataDir, relinkNote+".part")
	if err := os.WriteFile(tmp, []byte(m.MediaDir), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dataDir, relinkNote))
}

// relinkMedia points the attachments of a restored database from the
// media folder of the computer backed up to this data folder's, once
// (see relinkNote): the paths of saved attachments and of templates'
// header files that start with the old folder get the new one instead.
func (s *Store) relinkMedia(ctx context.Context, dataDir string) error {
	note := filepath.Join(dataDir, relinkNote)
	b, err := os.ReadFile(note)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("relink restored attachments: %w", err)
	}
	oldDir := strings.TrimRight(string(b), `/\`)
	newDir, err := filepath.Abs(filepath.Join(dataDir, MediaFolderName))
	if err != nil {
		return fmt.Errorf("relink restored attachments: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		// Only paths inside the old folder: its name and a separator.
		if _, err := tx.ExecContext(ctx, `UPDATE messages
			SET media = json_set(media, '$.local_path', ?2 || substr(json_extract(media, '$.local_path'), length(?1) + 1))
			WHERE media IS NOT NULL AND substr(json_extract(media, '$.local_path'), 1, length(?1) + 1) IN (?1 || '/', ?1 || '\')`,
			oldDir, newDir); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE template_header_files SET path = ?2 || substr(path, length(?1) + 1)
			WHERE substr(path, 1, length(?1) + 1) IN (?1 || '/', ?1 || '\')`, oldDir, newDir)
		return err
	})
	if err != nil {
		return fmt.Errorf("relink restored attachments: %w", err)
	}
	return os.Remove(note)
}

// syncDir flushes a folder's entries (a rename) to the disk where the
// system allows it; Windows does not, and needs not.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
