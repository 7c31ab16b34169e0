package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// ExportUseCases write conversations as files a person can read (HTML and
// plain text, with their attachments beside them) and the contacts as a
// spreadsheet (CSV), into folders the owner chooses.
type ExportUseCases struct {
	*ports
}

// ExportProgress is called with the conversations written so far and
// their number; it may be nil.
type ExportProgress func(done, total int)

// exportPage is how many messages are read at a time.
const exportPage = 500

// ExportConversation writes the conversation into a new folder inside
// dir, named after the customer: conversation.html and conversation.txt,
// and its saved attachments in the folder media, linked from both. It
// returns the new folder.
func (c *ExportUseCases) ExportConversation(ctx context.Context, conversationID int64, dir string) (string, error) {
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return "", fmt.Errorf("export conversation %d: %w", conversationID, err)
	}
	now := c.clock.Now()
	folder := filepath.Join(dir, c.freeName(dir, exportFolderName(cv)+" "+now.Format("2006-01-02")))
	if _, err := c.exportOne(ctx, cv, folder, now); err != nil {
		return "", fmt.Errorf("export conversation %d: %w", conversationID, err)
	}
	return folder, nil
}

// ExportAllConversations writes every conversation of every channel into
// a new folder inside dir: one folder per conversation (as
// ExportConversation) and index.html linking them. It returns the new
// folder.
func (c *ExportUseCases) ExportAllConversations(ctx context.Context, dir string, progress ExportProgress) (string, error) {
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return "", fmt.Errorf("export conversations: %w", err)
	}
	var all []Conversation
	for _, ch := range chs {
		cs, err := c.store.Conversations(ctx, ch.ID)
		if err != nil {
			return "", fmt.Errorf("export conversations: %w", err)
		}
		all = append(all, cs...)
	}
	now := c.clock.Now()
	root := filepath.Join(dir, c.freeName(dir, "Parley conversations "+now.Format("2006-01-02")))
	index := exportIndex{Exported: now, Channels: len(chs)}
	used := map[string]bool{}
	for i, cv := range all {
		if progress != nil {
			progress(i, len(all))
		}
		name := exportFolderName(cv)
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s (%d)", exportFolderName(cv), n)
		}
		used[strings.ToLower(name)] = true
		count, err := c.exportOne(ctx, cv, filepath.Join(root, name), now)
		if err != nil {
			return "", fmt.Errorf("export conversations: %w", err)
		}
		index.Rows = append(index.Rows, exportIndexRow{Name: CustomerName(cv), Number: numberOf(cv.WAID),
			Link: name + "/conversation.html", Messages: count, Last: exportTime(cv.LastMessageAt)})
	}
	if err := c.writeTemplate(filepath.Join(root, "index.html"), indexHTML, index); err != nil {
		return "", fmt.Errorf("export conversations: %w", err)
	}
	if progress != nil {
		progress(len(all), len(all))
	}
	return root, nil
}

// exportOne writes one conversation into folder and returns its number
// of messages.
func (c *ExportUseCases) exportOne(ctx context.Context, cv Conversation, folder string, now time.Time) (int, error) {
	msgs, err := c.allMessages(ctx, cv.ID)
	if err != nil {
		return 0, err
	}
	doc := exportDoc{Customer: CustomerName(cv), Number: numberOf(cv.WAID), Exported: now}
	if ch, err := c.store.Channel(ctx, cv.ChannelID); err == nil {
		doc.Channel = ch.Name
	}
	for _, m := range msgs {
		row := exportRow{Time: exportTime(m.Timestamp), Who: "You", Out: m.Direction != Inbound, Text: m.Text, Summary: Summary(m)}
		if m.Direction == Inbound {
			row.Who = doc.Customer
		} else if m.FromPhone {
			row.Who = "You (from the phone)"
		}
		if m.Media != nil {
			row.Text = m.Media.Caption
			if m.Media.LocalPath != "" {
				link, err := c.copyMedia(m, folder)
				if err != nil {
					return 0, err
				}
				row.File, row.Photo = link, link != "" && m.Type == MsgImage
			}
			if row.File == "" {
				row.Missing = "the file is not saved on this computer"
			}
		}
		if row.Text == "" {
			row.Text = row.Summary
		}
		doc.Rows = append(doc.Rows, row)
	}
	if err := c.writeTemplate(filepath.Join(folder, "conversation.html"), conversationHTML, doc); err != nil {
		return 0, err
	}
	if err := c.writeText(filepath.Join(folder, "conversation.txt"), doc); err != nil {
		return 0, err
	}
	return len(msgs), nil
}

// allMessages reads every message of the conversation, oldest first.
func (c *ExportUseCases) allMessages(ctx context.Context, conversationID int64) ([]Message, error) {
	var out []Message
	before := int64(0)
	for {
		page, err := c.store.Messages(ctx, conversationID, before, exportPage)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < exportPage {
			break
		}
		before = page[len(page)-1].ID
	}
	slices.Reverse(out)
	return out, nil
}

// copyMedia copies a message's saved attachment into folder/media and
// returns its link relative to folder ("" when the file is gone). The
// copy is named by the message id and the sender's file name, made safe
// (safeFileName), so that no name can reach outside the folder.
func (c *ExportUseCases) copyMedia(m Message, folder string) (string, error) {
	name := safeFileName(m.Media.Filename)
	if name == "" {
		name = safeFileName(filepath.Base(m.Media.LocalPath))
	}
	rel := path.Join("media", fmt.Sprintf("%d-%s", m.ID, name))
	err := c.copyFile(m.Media.LocalPath, filepath.Join(folder, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return rel, nil
}

// copyFile copies src to the new file dst.
func (c *ports) copyFile(src, dst string) error {
	in, err := c.exports.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := c.exports.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Abort()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Commit()
}

// freeName returns name, or name with " (2)", " (3)", ... when dir has
// something called name already.
func (c *ports) freeName(dir, name string) string {
	out := name
	for n := 2; c.exports.Exists(filepath.Join(dir, out)); n++ {
		out = fmt.Sprintf("%s (%d)", name, n)
	}
	return out
}

// exportFolderName names a conversation's folder after the customer and
// their number, safe on every system: no folders, no reserved characters.
func exportFolderName(cv Conversation) string {
	name := CustomerName(cv)
	if num := numberOf(cv.WAID); num != "" && num != name {
		name += " " + strings.ReplaceAll(num, " ", "")
	}
	name = safeFileName(strings.NewReplacer("/", "_", `\`, "_").Replace(name))
	if name == "" {
		return "conversation"
	}
	return name
}

// numberOf is a WhatsApp id as a number in international format.
func numberOf(waID string) string {
	if waID == "" {
		return ""
	}
	return FormatPhone("+" + waID)
}

// exportTime is how exports write a time: the computer's local time to
// the minute.
func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}
