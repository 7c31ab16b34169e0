package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// photoFetchTimeout bounds one download of the current profile photo.
const photoFetchTimeout = 30 * time.Second

// ProfilePhoto returns the profile photo to show on the profile page: the
// new photo of a pending edit when there is one, otherwise the photo
// WhatsApp serves at the last synced PhotoURL. It returns nil and no error
// when the profile has no photo.
func (c *Core) ProfilePhoto(ctx context.Context, id ChannelID) ([]byte, error) {
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("profile photo: %w", err)
	}
	if rec.Pending != nil && rec.Pending.Photo != nil {
		return rec.Pending.Photo, nil
	}
	if rec.Remote.PhotoURL == "" {
		return nil, nil
	}
	return downloadPhoto(ctx, rec.Remote.PhotoURL)
}

// downloadPhoto fetches an image from WhatsApp's public photo link.
func downloadPhoto(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, photoFetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("profile photo: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, &ProviderError{Kind: KindOffline, Plain: "The profile photo could not be downloaded. Check the internet connection.", Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("profile photo: download answered %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 2*MaxPhotoBytes+1))
	if err != nil {
		return nil, fmt.Errorf("profile photo: download: %w", err)
	}
	if len(data) > 2*MaxPhotoBytes {
		return nil, fmt.Errorf("profile photo: the photo is larger than %d bytes", 2*MaxPhotoBytes)
	}
	return data, nil
}
