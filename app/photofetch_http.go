package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// httpPhotoFetcher is the PhotoFetcher over HTTP, the default. Its client
// refuses redirects to another server (SameServerRedirects).
type httpPhotoFetcher struct {
	client *http.Client
}

// newHTTPPhotoFetcher returns the default PhotoFetcher.
func newHTTPPhotoFetcher() httpPhotoFetcher {
	return httpPhotoFetcher{client: SameServerRedirects(nil)}
}

// FetchPhoto implements PhotoFetcher.
func (f httpPhotoFetcher) FetchPhoto(ctx context.Context, url string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("profile photo: %w", err)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, &ProviderError{Kind: KindOffline, Plain: "The profile photo could not be downloaded. Check the internet connection.", Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("profile photo: download answered %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("profile photo: download: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("profile photo: the photo is larger than %d bytes", limit)
	}
	return data, nil
}
