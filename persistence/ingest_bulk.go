package persistence

import "strings"

// bulkMaxRows is the most rows one bulk statement carries; bigger sets
// are split into several statements.
const bulkMaxRows = 256

// bulkRows rounds n up to a power of two (at most bulkMaxRows): a bulk
// statement then comes in few sizes, each compiled once and reused from
// the connection's statement cache.
func bulkRows(n int) int {
	size := 1
	for size < n && size < bulkMaxRows {
		size *= 2
	}
	return size
}

// valuesList returns the VALUES rows of a bulk statement: "(?, ?), (?, ?)"
// for rows rows of cols parameters each.
func valuesList(rows, cols int) string {
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	var b strings.Builder
	b.Grow(rows * (len(row) + 2))
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}

// bulk calls fn for each chunk of the rows in args (cols values each),
// at most bulkMaxRows at a time, padded with copies of pad to a size
// bulkRows returns. fn gets the padded number of rows and their values.
func bulk(args []any, cols int, pad []any, fn func(rows int, args []any) error) error {
	for len(args) > 0 {
		n := min(len(args)/cols, bulkMaxRows)
		chunk, size := args[:n*cols], bulkRows(n)
		args = args[n*cols:]
		if size > n {
			padded := make([]any, 0, size*cols)
			padded = append(padded, chunk...)
			for range size - n {
				padded = append(padded, pad...)
			}
			chunk = padded
		}
		if err := fn(size, chunk); err != nil {
			return err
		}
	}
	return nil
}
