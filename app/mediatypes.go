package app

import (
	"mime"
	"strings"
)

// unknownExtension is the extension of a saved attachment whose type is
// not on the list: no system opens it by itself.
const unknownExtension = ".bin"

// fileKind groups the types Parley saves under their own extension.
type fileKind int

const (
	kindViewable fileKind = iota + 1 // a document, picture, sound or video
	kindArchive                      // a packed archive, which can hold programs
)

// savedTypes maps the MIME types WhatsApp reports to the extension
// Parley gives the saved copy. Only documents, pictures, sounds and
// videos that open in a viewer are listed, plus ZIP archives; HTML, SVG
// and other types that can run scripts are not, and are saved as .bin.
var savedTypes = map[string]string{
	"application/pdf": ".pdf",
	"text/plain":      ".txt",
	"text/csv":        ".csv",
	"application/rtf": ".rtf",
	"text/rtf":        ".rtf",

	"application/msword":            ".doc",
	"application/vnd.ms-excel":      ".xls",
	"application/vnd.ms-powerpoint": ".ppt",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         ".xlsx",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
	"application/vnd.oasis.opendocument.text":                                   ".odt",
	"application/vnd.oasis.opendocument.spreadsheet":                            ".ods",
	"application/vnd.oasis.opendocument.presentation":                           ".odp",

	"image/jpeg": ".jpg",
	"image/png":  ".png",
	"image/webp": ".webp",
	"image/gif":  ".gif",
	"image/heic": ".heic",
	"image/heif": ".heif",
	"image/bmp":  ".bmp",
	"image/tiff": ".tiff",

	"audio/ogg":   ".ogg",
	"audio/opus":  ".opus",
	"audio/mpeg":  ".mp3",
	"audio/mp4":   ".m4a",
	"audio/aac":   ".aac",
	"audio/amr":   ".amr",
	"audio/wav":   ".wav",
	"audio/x-wav": ".wav",
	"audio/webm":  ".weba",

	"video/mp4":       ".mp4",
	"video/3gpp":      ".3gp",
	"video/quicktime": ".mov",
	"video/webm":      ".webm",
	"video/mpeg":      ".mpeg",

	"application/zip":              ".zip",
	"application/x-zip-compressed": ".zip",
}

// savedKinds says, for each extension in savedTypes, whether a viewer may
// open the file.
var savedKinds = func() map[string]fileKind {
	kinds := map[string]fileKind{}
	for _, ext := range savedTypes {
		kinds[ext] = kindViewable
	}
	kinds[".zip"] = kindArchive
	// Copies saved under the old naming kept the sender's extension;
	// these spellings of listed types still open.
	for _, ext := range []string{".jpeg", ".mp4a", ".tif", ".3gpp", ".mpg"} {
		kinds[ext] = kindViewable
	}
	return kinds
}()

// extensionFor returns the extension of a saved copy for a MIME type
// such as "audio/ogg; codecs=opus": the listed one, else ".bin". The
// system's own MIME table is not asked: it knows ".exe" and ".desktop".
func extensionFor(mimeType string) string {
	if ext, ok := savedTypes[baseType(mimeType)]; ok {
		return ext
	}
	return unknownExtension
}

// baseType is a MIME type without parameters, in lower case.
func baseType(mimeType string) string {
	base, _, err := mime.ParseMediaType(mimeType)
	if err != nil {
		base = strings.SplitN(mimeType, ";", 2)[0]
	}
	return strings.ToLower(strings.TrimSpace(base))
}

// programTypes are MIME types of programs, scripts, installers and
// shortcuts to programs.
var programTypes = map[string]bool{
	"application/x-msdownload":                      true,
	"application/x-msdos-program":                   true,
	"application/x-dosexec":                         true,
	"application/vnd.microsoft.portable-executable": true,
	"application/x-ms-installer":                    true,
	"application/x-msi":                             true,
	"application/x-ms-shortcut":                     true,
	"application/x-ms-application":                  true,
	"application/x-bat":                             true,
	"application/hta":                               true,
	"application/x-sh":                              true,
	"application/x-csh":                             true,
	"application/x-executable":                      true,
	"application/x-elf":                             true,
	"application/x-mach-binary":                     true,
	"application/x-sharedlib":                       true,
	"application/x-desktop":                         true,
	"application/x-appimage":                        true,
	"application/vnd.appimage":                      true,
	"application/vnd.debian.binary-package":         true,
	"application/x-rpm":                             true,
	"application/x-redhat-package-manager":          true,
	"application/x-apple-diskimage":                 true,
	"application/x-newton-compatible-pkg":           true,
	"application/vnd.apple.installer+xml":           true,
	"application/java-archive":                      true,
	"application/x-java-archive":                    true,
	"application/x-java-jnlp-file":                  true,
	"application/vnd.android.package-archive":       true,
	"application/x-python-code":                     true,
	"text/x-python":                                 true,
	"text/x-perl":                                   true,
	"application/x-perl":                            true,
	"application/x-ruby":                            true,
	"application/x-iso9660-image":                   true,
}

// programType reports whether a MIME type is that of something that
// runs: listed, or a script or executable by its name.
func programType(mimeType string) bool {
	base := baseType(mimeType)
	if programTypes[base] {
		return true
	}
	sub := base[strings.IndexByte(base, '/')+1:]
	return strings.Contains(sub, "script") || strings.Contains(sub, "executable") || strings.Contains(sub, "msdownload")
}
