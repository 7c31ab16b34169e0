package app

import (
	"path/filepath"
	"strings"
	"unicode"
)

// OpenPolicy says what Parley may do with a downloaded attachment when
// the owner clicks it.
type OpenPolicy int

const (
	// OpenInViewer hands the file to the system's viewer: a document,
	// picture, sound or video of a listed type.
	OpenInViewer OpenPolicy = iota
	// SaveOnlyProgram refuses to open the file: it could run a program.
	SaveOnlyProgram
	// SaveOnlyArchive refuses to open a packed archive (ZIP), which can
	// hold programs one more click away.
	SaveOnlyArchive
	// SaveOnlyUnknown refuses to open a file of a type Parley does not
	// know.
	SaveOnlyUnknown
)

// String names the policy, for test failures and logs.
func (p OpenPolicy) String() string {
	switch p {
	case OpenInViewer:
		return "open in viewer"
	case SaveOnlyProgram:
		return "save only: program"
	case SaveOnlyArchive:
		return "save only: archive"
	case SaveOnlyUnknown:
		return "save only: unknown type"
	}
	return "unknown policy"
}

// AttachmentOpenPolicy decides whether the attachment of m, saved at
// path, may be handed to the system's viewer. It refuses when the
// sender's file name, the saved copy's name or WhatsApp's type says the
// file could run a program; copies saved under the old naming, which
// kept the sender's name, are judged by that name. Otherwise the saved
// copy's extension must be a listed document, picture, sound or video.
func AttachmentOpenPolicy(m Message, path string) OpenPolicy {
	sender, mimeType := "", ""
	if m.Media != nil {
		sender, mimeType = m.Media.Filename, m.Media.MIMEType
	}
	if IsExecutableName(path) || IsExecutableName(sender) || programType(mimeType) {
		return SaveOnlyProgram
	}
	switch savedKinds[extensionOf(bareName(path))] {
	case kindViewable:
		return OpenInViewer
	case kindArchive:
		return SaveOnlyArchive
	}
	return SaveOnlyUnknown
}

// OpenPolicyOf is AttachmentOpenPolicy for m's saved copy or, before it
// is downloaded, for the name it will be saved under: what clicking the
// attachment will do, known before the click.
func OpenPolicyOf(m Message) OpenPolicy {
	if m.Media == nil {
		return SaveOnlyUnknown
	}
	path := m.Media.LocalPath
	if path == "" {
		path = mediaFileName(m, Media{})
	}
	return AttachmentOpenPolicy(m, path)
}

// IsExecutableName reports whether a file with this name could run a
// program when opened: its last extension is that of a program, script,
// installer or shortcut (".exe", ".desktop", ".command", ".sh", ...),
// whatever its letter case, trailing dots and spaces (Windows drops
// them: "x.exe." runs as "x.exe") and invisible characters (a
// right-to-left override makes "fdp.exe" show as "exe.pdf"). A Windows
// stream name ("x.exe:Zone.Identifier") counts as its file. Folders in
// name are ignored.
func IsExecutableName(name string) bool {
	for _, part := range strings.Split(bareName(name), ":") {
		if runs(part) {
			return true
		}
	}
	return false
}

// runs reports whether name's last extension, after trailing dots and
// spaces, is a program's.
func runs(name string) bool {
	name = strings.TrimRightFunc(name, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	return programExtensions[extensionOf(name)]
}

// bareName is the last element of a path (with / or \) as DisplayName
// shows it, without joiners, folded to lower case through upper case, so
// that what a name shows and what it is are judged alike.
func bareName(name string) string {
	name = strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, DisplayName(name))
	name = strings.ReplaceAll(name, `\`, "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(strings.ToUpper(name))
}

// extensionOf is name's last extension with its dot, "" without one.
func extensionOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// SaveAsName suggests the name under which the owner saves the
// attachment of m, saved at path: the sender's file name made safe to
// show and to use on every system, else the saved copy's name. A name
// that could start a program gets ".bin" added, so that a saved copy
// never starts by a double click; the owner can still rename it.
func SaveAsName(m Message, path string) string {
	name := ""
	if m.Media != nil {
		name = safeFileName(DisplayName(m.Media.Filename))
	}
	if name == "" {
		name = safeFileName(DisplayName(filepath.Base(path)))
	}
	if name == "" {
		name = "attachment"
	}
	if IsExecutableName(name) {
		name += unknownExtension
	}
	return name
}

// programExtensions are extensions of files that run a program when
// opened on Windows, macOS or Linux: executables, scripts, installers,
// shortcuts, disk images that mount with programs on them, and Office
// add-ins.
var programExtensions = func() map[string]bool {
	set := map[string]bool{}
	for _, ext := range strings.Fields(`
		exe com bat cmd scr pif cpl dll ocx sys drv msi msp mst msc msix msixbundle appx appxbundle
		appref-ms application gadget lnk url website scf inf reg hta chm hlp
		js jse vbs vbe vb vbscript wsf wsh wsc ws ps1 ps1xml ps2 ps2xml psc1 psc2 psm1 psd1 msh msh1 msh2
		mshxml msh1xml msh2xml settingcontent-ms library-ms search-ms searchconnector-ms diagcab
		xll xla xlam ppa ppam iqy slk mde mda ade adp accde cab iso img vhd vhdx
		jar jnlp class py pyw pyc pyz pl rb php lua tcl
		app command tool terminal pkg mpkg dmg workflow action scpt scptd applescript prefpane kext
		webloc inetloc fileloc osax
		desktop sh bash zsh csh tcsh ksh fish run appimage deb rpm snap flatpak flatpakref elf so ko out
	`) {
		set["."+ext] = true
	}
	return set
}()
