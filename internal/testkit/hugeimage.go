package testkit

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"runtime"
)

// HugePNG returns a PNG of a few hundred bytes whose header claims w×h
// grey pixels: a picture bomb. Its data holds only the first rows, so a
// decoder that trusts the header reserves w×h bytes and then fails; a
// careful one refuses it from the header alone.
func HugePNG(w, h uint32) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit greyscale, no interlace
	pngChunk(&out, "IHDR", ihdr)
	var idat bytes.Buffer
	z := zlib.NewWriter(&idat)
	// Two rows' worth of zeros at most: filter byte plus pixels.
	rows := make([]byte, 2*(1+min(int(w), 1<<12)))
	if _, err := z.Write(rows); err != nil {
		panic(err) // writing to memory does not fail
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	pngChunk(&out, "IDAT", idat.Bytes())
	pngChunk(&out, "IEND", nil)
	return out.Bytes()
}

// pngChunk appends one chunk: length, type, data and CRC.
func pngChunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// HugeGIF returns a GIF of a few dozen bytes whose screen and only frame
// claim w×h pixels (at most 65535 each, GIF's limit).
func HugeGIF(w, h uint16) []byte {
	le := binary.LittleEndian
	out := []byte("GIF89a")
	out = le.AppendUint16(le.AppendUint16(out, w), h)
	out = append(out, 0x80, 0, 0)             // a global table of 2 colours
	out = append(out, 0, 0, 0, 255, 255, 255) // black, white
	out = append(out, 0x2c, 0, 0, 0, 0)       // image descriptor at 0,0
	out = le.AppendUint16(le.AppendUint16(out, w), h)
	out = append(out, 0)
	out = append(out, 2, 2, 0x4c, 0x01, 0) // LZW: a clear code and one pixel
	return append(out, 0x3b)
}

// AllocatedBy returns how many bytes the program allocated while f ran,
// all goroutines together: a picture bomb shows as hundreds of megabytes.
func AllocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
