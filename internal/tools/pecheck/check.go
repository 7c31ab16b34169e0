package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// Resource types of a Windows executable that the check looks for.
const (
	rtGroupIcon = 14 // the icon Explorer shows
	rtVersion   = 16 // the version block of Properties → Details
)

// report is what check found in a valid executable.
type report struct {
	Resources []uint32 // top-level resource type ids
}

// check opens the executable at path and verifies that it is a 64-bit
// Windows GUI program carrying an icon and a version block that holds
// version (e.g. "0.1.0.1").
func check(path, version string) (report, error) {
	f, err := pe.Open(path)
	if err != nil {
		return report{}, fmt.Errorf("not a Windows executable: %w", err)
	}
	defer f.Close()

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return report{}, fmt.Errorf("built for machine %#x, want x86-64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return report{}, errors.New("not a PE32+ (64-bit) executable")
	}
	if opt.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return report{}, fmt.Errorf("subsystem %d, want the Windows GUI (%d): a console window would open beside the app", opt.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}

	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return report{}, errors.New("no resources (.rsrc): the icon and version information are missing")
	}
	data, err := rsrc.Data()
	if err != nil {
		return report{}, fmt.Errorf("read resources: %w", err)
	}
	types, err := resourceTypes(data)
	if err != nil {
		return report{}, err
	}
	r := report{Resources: types}
	for _, want := range []struct {
		id   uint32
		what string
	}{{rtGroupIcon, "icon"}, {rtVersion, "version information"}} {
		if !contains(types, want.id) {
			return r, fmt.Errorf("the %s resource is missing (resource types %v)", want.what, types)
		}
	}
	if version != "" && !bytes.Contains(data, utf16le(version)) {
		return r, fmt.Errorf("the version information does not hold %q", version)
	}
	return r, nil
}

// resourceTypes reads the ids of the root resource directory.
func resourceTypes(data []byte) ([]uint32, error) {
	const header, entry = 16, 8
	if len(data) < header {
		return nil, errors.New("resource directory is cut short")
	}
	named := int(binary.LittleEndian.Uint16(data[12:]))
	ids := int(binary.LittleEndian.Uint16(data[14:]))
	end := header + (named+ids)*entry
	if len(data) < end {
		return nil, errors.New("resource directory is cut short")
	}
	var types []uint32
	for i := named; i < named+ids; i++ {
		types = append(types, binary.LittleEndian.Uint32(data[header+i*entry:]))
	}
	return types, nil
}

// utf16le is s as the UTF-16 little-endian bytes Windows resources hold.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func contains(xs []uint32, x uint32) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
