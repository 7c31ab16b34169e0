package app

import (
	"context"
	"fmt"
	"time"
)

// photoFetchTimeout bounds one download of the current profile photo.
const photoFetchTimeout = 30 * time.Second

// ProfilePhoto returns the profile photo to show on the profile page: the
// new photo of a pending edit when there is one, otherwise the photo
// WhatsApp serves at the last synced PhotoURL. It returns nil and no error
// when the profile has no photo.
func (c *ProfileUseCases) ProfilePhoto(ctx context.Context, id ChannelID) ([]byte, error) {
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
	return c.downloadPhoto(ctx, rec.Remote.PhotoURL)
}

// downloadPhoto fetches an image from WhatsApp's public photo link.
func (c *ProfileUseCases) downloadPhoto(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, photoFetchTimeout)
	defer cancel()
	return c.photos.FetchPhoto(ctx, url, 2*MaxPhotoBytes)
}
