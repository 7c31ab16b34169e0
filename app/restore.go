package app

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Folders and files of a staged restore inside the data folder.
const (
	// RestoreStagingDir holds a restore unpacked by StageRestore until
	// the store puts it in place at the next start, before it opens the
	// database (persistence.ApplyStagedRestore).
	RestoreStagingDir = "restore-staging"
	// RestoreReadyMark, inside RestoreStagingDir, is written last:
	// without it the staging folder is incomplete and is thrown away.
	RestoreReadyMark = "READY"
	// RestorePreviousDir holds the data being replaced while a restore
	// is applied; it is removed once the restore is in place.
	RestorePreviousDir = "restore-previous"
)

// Limits a backup file must keep.
const (
	maxBackupEntries  = 2_000_000
	maxManifestBytes  = 64 << 10
	restoreSpareBytes = 64 << 20 // free space left over after unpacking
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// RestoreInfo tells what StageRestore found in a backup.
type RestoreInfo struct {
	Created time.Time // when the backup was made
	Files   int       // attachments
	Bytes   int64     // database and attachments
}

// StageRestore checks that the zip file src is a Parley backup this
// Parley can read (see checkBackup) and unpacks it into the staging
// folder in the data folder; nothing in use changes. The restore takes
// effect at the next start, when the store applies it before it opens
// the database (persistence.ApplyStagedRestore): the owner is asked to restart Parley. A second StageRestore
// replaces the first.
func (c *BackupUseCases) StageRestore(ctx context.Context, src string, progress BackupProgress) (RestoreInfo, error) {
	info, err := c.stageRestore(ctx, src, progress)
	if err != nil {
		return RestoreInfo{}, fmt.Errorf("restore from %s: %w", src, err)
	}
	return info, nil
}

func (c *BackupUseCases) stageRestore(ctx context.Context, src string, progress BackupProgress) (RestoreInfo, error) {
	if c.dataDir == "" {
		return RestoreInfo{}, fmt.Errorf("no data folder to restore into")
	}
	known, err := c.store.SchemaVersion(ctx)
	if err != nil {
		return RestoreInfo{}, err
	}
	zr, err := c.exports.OpenZip(src)
	if err != nil {
		return RestoreInfo{}, &BackupError{Kind: ErrNotABackup, Plain: "This file is not a Parley backup (it is not a zip file that can be read). " +
			"Choose the .zip file that “Back up everything” wrote. Nothing was changed."}
	}
	defer zr.Close()
	m, info, err := checkBackup(zr.File, known)
	if err != nil {
		return RestoreInfo{}, err
	}
	staging := filepath.Join(c.dataDir, RestoreStagingDir)
	if free, err := c.disk.FreeBytes(c.dataDir); err == nil && uint64(info.Bytes)+restoreSpareBytes > free {
		return RestoreInfo{}, &BackupError{Plain: fmt.Sprintf("There is not enough free space to restore this backup: it needs %s and the disk has %s free. "+
			"Free some space, then try again. Nothing was changed.", HumanBytes(info.Bytes+restoreSpareBytes), HumanBytes(int64(free)))}
	}
	if err := c.exports.RemoveAll(staging); err != nil {
		return RestoreInfo{}, err
	}
	ok := false
	defer func() {
		if !ok {
			_ = c.exports.RemoveAll(staging)
		}
	}()
	var done int64
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return RestoreInfo{}, err
		}
		if f.FileInfo().IsDir() || f.Name == backupManifestName {
			continue
		}
		n, err := c.unpack(f, filepath.Join(staging, filepath.FromSlash(f.Name)))
		if err != nil {
			return RestoreInfo{}, err
		}
		done += n
		if progress != nil {
			progress(done, info.Bytes)
		}
	}
	// A staged media folder even for a backup without attachments: at
	// start, a missing staged part means it is in place already.
	if err := c.exports.MkdirAll(filepath.Join(staging, DataFolderMedia)); err != nil {
		return RestoreInfo{}, err
	}
	ready, err := c.exports.Create(filepath.Join(staging, RestoreReadyMark))
	if err != nil {
		return RestoreInfo{}, err
	}
	if err := json.NewEncoder(ready).Encode(m); err != nil {
		ready.Abort()
		return RestoreInfo{}, err
	}
	if err := ready.Commit(); err != nil {
		return RestoreInfo{}, err
	}
	ok = true
	return info, nil
}

// unpack writes the zip entry f to the new file dst, refusing an entry
// longer than it says it is.
func (c *ports) unpack(f *zip.File, dst string) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, damagedBackup(f.Name, err)
	}
	defer rc.Close()
	out, err := c.exports.Create(dst)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err == nil && n != int64(f.UncompressedSize64) {
		err = fmt.Errorf("%d bytes, the zip says %d", n, f.UncompressedSize64)
	}
	if err != nil {
		out.Abort()
		return 0, damagedBackup(f.Name, err)
	}
	return n, out.Commit()
}

// damagedBackup says that an entry of the backup cannot be read.
func damagedBackup(name string, err error) error {
	return &BackupError{Kind: ErrNotABackup, Plain: fmt.Sprintf("This backup is damaged: %q cannot be read (%v). Nothing was changed.", name, err)}
}

// checkBackup checks the entries of a zip file before anything is
// unpacked: a manifest of Parley's backup format, a database whose schema
// this Parley knows (known or older), only the database, the manifest and
// plain files below media, each name a clean relative path that stays
// inside the folder it is unpacked into (no "..", no absolute paths, no
// backslashes, no links), each once.
func checkBackup(files []*zip.File, known int) (backupManifest, RestoreInfo, error) {
	var m backupManifest
	var info RestoreInfo
	if len(files) > maxBackupEntries {
		return m, info, &BackupError{Kind: ErrNotABackup, Plain: "This file holds too many files to be a Parley backup. Nothing was changed."}
	}
	seen := map[string]bool{}
	var manifest, db *zip.File
	for _, f := range files {
		if !safeEntryName(f.Name) || seen[strings.ToLower(f.Name)] {
			return m, info, &BackupError{Kind: ErrNotABackup, Plain: fmt.Sprintf("This backup is damaged or was changed: it holds a file named %q "+
				"that Parley will not unpack. Nothing was changed.", f.Name)}
		}
		seen[strings.ToLower(f.Name)] = true
		mode := f.Mode()
		switch {
		case f.Name == backupManifestName:
			manifest = f
		case f.Name == DataFolderDatabase:
			db = f
		case mode.IsDir() && strings.HasPrefix(f.Name, DataFolderMedia+"/"):
			continue
		case !strings.HasPrefix(f.Name, DataFolderMedia+"/"):
			return m, info, &BackupError{Kind: ErrNotABackup, Plain: fmt.Sprintf("This file is not a Parley backup: it holds %q, "+
				"which a Parley backup does not. Nothing was changed.", f.Name)}
		default:
			info.Files++
		}
		if !mode.IsRegular() {
			return m, info, &BackupError{Kind: ErrNotABackup, Plain: fmt.Sprintf("This backup holds %q, which is not a plain file. Nothing was changed.", f.Name)}
		}
		info.Bytes += int64(min(f.UncompressedSize64, 1<<62))
	}
	if manifest == nil || db == nil {
		return m, info, &BackupError{Kind: ErrNotABackup, Plain: "This file is not a Parley backup: it has no Parley manifest or no database. " +
			"Choose the .zip file that “Back up everything” wrote. Nothing was changed."}
	}
	if err := readManifest(manifest, &m); err != nil {
		return m, info, err
	}
	if m.Version > backupVersion || m.Schema > known {
		return m, info, tooNew(m.Schema, known)
	}
	schema, err := databaseSchema(db)
	if err != nil {
		return m, info, err
	}
	if schema > known {
		return m, info, tooNew(schema, known)
	}
	info.Created = m.Created
	return m, info, nil
}

// tooNew refuses a backup of a newer Parley.
func tooNew(have, known int) error {
	return &BackupError{Kind: ErrBackupTooNew, Plain: fmt.Sprintf("This backup was made by a newer version of Parley "+
		"(data version %d; this version knows up to %d). Update Parley, then restore it. Nothing was changed.", have, known)}
}

// safeEntryName reports whether a zip entry's name is a clean relative
// path with forward slashes that stays where it is unpacked.
func safeEntryName(name string) bool {
	clean := strings.TrimSuffix(name, "/")
	return clean != "" && !strings.ContainsAny(name, "\\:\x00") && path.Clean(clean) == clean &&
		filepath.IsLocal(filepath.FromSlash(clean)) && !strings.HasPrefix(clean, "../") && clean != ".."
}

// readManifest reads and checks the manifest entry.
func readManifest(f *zip.File, m *backupManifest) error {
	bad := &BackupError{Kind: ErrNotABackup, Plain: "This file is not a Parley backup: its manifest is not Parley's. Nothing was changed."}
	if f.UncompressedSize64 > maxManifestBytes {
		return bad
	}
	rc, err := f.Open()
	if err != nil {
		return bad
	}
	defer rc.Close()
	if err := json.NewDecoder(io.LimitReader(rc, maxManifestBytes)).Decode(m); err != nil || m.Format != backupFormat || m.Version < 1 {
		return bad
	}
	return nil
}

// databaseSchema reads the schema version of the database entry from
// its SQLite header (user_version, bytes 60 to 63), checking that it is
// an SQLite database.
func databaseSchema(f *zip.File) (int, error) {
	bad := &BackupError{Kind: ErrNotABackup, Plain: "This backup is damaged: its database is not a database. Nothing was changed."}
	rc, err := f.Open()
	if err != nil {
		return 0, bad
	}
	defer rc.Close()
	var head [100]byte
	if _, err := io.ReadFull(rc, head[:]); err != nil || !bytes.HasPrefix(head[:], []byte(sqliteMagic)) {
		return 0, bad
	}
	return int(int32(binary.BigEndian.Uint32(head[60:64]))), nil
}
