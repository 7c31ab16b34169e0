package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exe describes a small executable for writeExe.
type exe struct {
	machine   uint16
	subsystem uint16
	resources []uint32 // root resource type ids; nil means no .rsrc
	strings   []string // written into .rsrc as UTF-16
}

// windowsApp is what a correct Windows build of Parley looks like.
var windowsApp = exe{
	machine:   pe.IMAGE_FILE_MACHINE_AMD64,
	subsystem: pe.IMAGE_SUBSYSTEM_WINDOWS_GUI,
	resources: []uint32{3, rtGroupIcon, rtVersion, 24},
	strings:   []string{"ProductVersion", "0.1.0.1"},
}

// writeExe writes a minimal PE32+ file: DOS stub, headers and, when it
// has resources, one .rsrc section with a root resource directory.
func writeExe(t *testing.T, e exe) string {
	t.Helper()
	var rsrc bytes.Buffer
	if e.resources != nil {
		le := binary.LittleEndian
		rsrc.Write(make([]byte, 14))
		_ = binary.Write(&rsrc, le, uint16(len(e.resources)))
		for _, id := range e.resources {
			_ = binary.Write(&rsrc, le, [2]uint32{id, 0x80000000})
		}
		for _, s := range e.strings {
			rsrc.Write(utf16le(s))
		}
	}
	const fileAlign, dataAt = 0x200, 0x400
	raw := (rsrc.Len() + fileAlign - 1) / fileAlign * fileAlign

	var b bytes.Buffer
	dos := make([]byte, 0x40)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 0x40)
	b.Write(dos)
	b.WriteString("PE\x00\x00")
	sections := uint16(0)
	if e.resources != nil {
		sections = 1
	}
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	w(pe.FileHeader{Machine: e.machine, NumberOfSections: sections, SizeOfOptionalHeader: 240, Characteristics: 0x22})
	w(pe.OptionalHeader64{
		Magic: 0x20b, ImageBase: 0x140000000, SectionAlignment: 0x1000, FileAlignment: fileAlign,
		SizeOfImage: 0x2000, SizeOfHeaders: dataAt, Subsystem: e.subsystem, NumberOfRvaAndSizes: 16,
	})
	if e.resources != nil {
		w(pe.SectionHeader32{
			Name: [8]uint8{'.', 'r', 's', 'r', 'c'}, VirtualSize: uint32(rsrc.Len()), VirtualAddress: 0x1000,
			SizeOfRawData: uint32(raw), PointerToRawData: dataAt, Characteristics: 0x40000040,
		})
	}
	b.Write(make([]byte, dataAt-b.Len()))
	b.Write(rsrc.Bytes())
	b.Write(make([]byte, raw-rsrc.Len()))

	path := filepath.Join(t.TempDir(), "Parley.exe")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAcceptsAWindowsGUIAppWithIconAndVersion(t *testing.T) {
	r, err := check(writeExe(t, windowsApp), "0.1.0.1")
	if err != nil {
		t.Fatalf("a correct build is rejected: %v", err)
	}
	if len(r.Resources) != 4 {
		t.Errorf("found resource types %v, want the 4 written", r.Resources)
	}
}

func TestRejectsBrokenBuilds(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*exe)
		version string
		want    string
	}{
		{"32-bit", func(e *exe) { e.machine = pe.IMAGE_FILE_MACHINE_I386 }, "", "want x86-64"},
		{"console", func(e *exe) { e.subsystem = pe.IMAGE_SUBSYSTEM_WINDOWS_CUI }, "", "console window"},
		{"no resources", func(e *exe) { e.resources = nil }, "", "icon and version information are missing"},
		{"no icon", func(e *exe) { e.resources = []uint32{rtVersion} }, "", "icon resource is missing"},
		{"no version block", func(e *exe) { e.resources = []uint32{rtGroupIcon} }, "", "version information resource is missing"},
		{"other version", func(*exe) {}, "0.2.0.1", `does not hold "0.2.0.1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := windowsApp
			tt.change(&e)
			_, err := check(writeExe(t, e), tt.version)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("check = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestRejectsALinuxBinary(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := check(self, ""); err == nil || !strings.Contains(err.Error(), "not a Windows executable") {
		t.Errorf("check of this test's own ELF binary = %v, want 'not a Windows executable'", err)
	}
}
