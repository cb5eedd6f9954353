/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaPhotoThumbnail: a small picture of an audit photo, loaded and scaled
 * off the main thread (a 12-megapixel photo does not stall the walk), turned
 * the way the camera said (EXIF orientation). A file that is missing shows
 * an "image missing" placeholder with the word "Missing", one that cannot
 * be read as an image "Cannot show": never a crash, never an empty hole.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OBEYA_PHOTO_THUMBNAIL_WIDTH  128
#define OBEYA_PHOTO_THUMBNAIL_HEIGHT 96

typedef enum
{
  OBEYA_PHOTO_LOADING,
  OBEYA_PHOTO_LOADED,
  OBEYA_PHOTO_MISSING,  /* the file does not exist */
  OBEYA_PHOTO_BROKEN,   /* it exists but is not an image we can read */
} ObeyaPhotoState;

#define OBEYA_TYPE_PHOTO_THUMBNAIL (obeya_photo_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaPhotoThumbnail, obeya_photo_thumbnail, OBEYA, PHOTO_THUMBNAIL, GtkWidget)

GtkWidget       *obeya_photo_thumbnail_new       (GFile               *file);
GFile           *obeya_photo_thumbnail_get_file  (ObeyaPhotoThumbnail *self);
/* The state changes once, from LOADING ("notify::state"). */
ObeyaPhotoState  obeya_photo_thumbnail_get_state (ObeyaPhotoThumbnail *self);

G_END_DECLS
