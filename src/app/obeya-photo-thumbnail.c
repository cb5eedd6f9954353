/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-photo-thumbnail.h"

struct _ObeyaPhotoThumbnail
{
  GtkWidget        parent_instance;

  GFile           *file;
  ObeyaPhotoState  state;
  GCancellable    *cancellable;

  GtkWidget       *stack;
  GtkWidget       *picture;
  GtkWidget       *placeholder;
  GtkWidget       *placeholder_icon;
  GtkWidget       *placeholder_label;
};

G_DEFINE_FINAL_TYPE (ObeyaPhotoThumbnail, obeya_photo_thumbnail, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (ObeyaPhotoThumbnail *self,
           ObeyaPhotoState      state)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *tooltip = NULL;

  self->state = state;
  switch (state)
    {
    case OBEYA_PHOTO_LOADED:
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->picture);
      tooltip = g_strdup (name);
      break;
    case OBEYA_PHOTO_MISSING:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder_icon), "image-missing-symbolic");
      /* Translators: under a photo whose file is gone */
      gtk_label_set_label (GTK_LABEL (self->placeholder_label), _("Missing"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "missing");
      /* Translators: tooltip of a missing photo; %s is its file name */
      tooltip = g_strdup_printf (_("%s is missing: it was moved, renamed or deleted"), name);
      break;
    case OBEYA_PHOTO_BROKEN:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder_icon), "image-missing-symbolic");
      /* Translators: under a photo file that is not a readable image */
      gtk_label_set_label (GTK_LABEL (self->placeholder_label), _("Cannot show"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "missing");
      /* Translators: tooltip of a photo that cannot be shown; %s is its file name */
      tooltip = g_strdup_printf (_("%s is not an image Obeya can show"), name);
      break;
    case OBEYA_PHOTO_LOADING:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder_icon), "image-loading-symbolic");
      gtk_label_set_label (GTK_LABEL (self->placeholder_label), "");
      tooltip = g_strdup (name);
      break;
    }
  if (state != OBEYA_PHOTO_LOADED)
    gtk_stack_set_visible_child (GTK_STACK (self->stack), self->placeholder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
pixbuf_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ObeyaPhotoThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_finish (result, &error);
  g_autoptr(GdkPixbuf) turned = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pixbuf == NULL)
    {
      set_state (self, OBEYA_PHOTO_BROKEN);
      return;
    }
  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  texture = gdk_texture_new_for_pixbuf (turned ? turned : pixbuf);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
  set_state (self, OBEYA_PHOTO_LOADED);
}

static void
read_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ObeyaPhotoThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read_finish (G_FILE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stream == NULL)
    {
      set_state (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                       ? OBEYA_PHOTO_MISSING : OBEYA_PHOTO_BROKEN);
      return;
    }
  /* Twice the size shown, for HiDPI screens. */
  gdk_pixbuf_new_from_stream_at_scale_async (G_INPUT_STREAM (stream),
                                             2 * OBEYA_PHOTO_THUMBNAIL_WIDTH,
                                             2 * OBEYA_PHOTO_THUMBNAIL_HEIGHT,
                                             TRUE, self->cancellable, pixbuf_ready_cb,
                                             g_object_ref (self));
}

static void
obeya_photo_thumbnail_constructed (GObject *object)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (object);

  G_OBJECT_CLASS (obeya_photo_thumbnail_parent_class)->constructed (object);

  set_state (self, OBEYA_PHOTO_LOADING);
  g_file_read_async (self->file, G_PRIORITY_LOW, self->cancellable, read_ready_cb,
                     g_object_ref (self));
}

static void
obeya_photo_thumbnail_dispose (GObject *object)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (obeya_photo_thumbnail_parent_class)->dispose (object);
}

static void
obeya_photo_thumbnail_finalize (GObject *object)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (obeya_photo_thumbnail_parent_class)->finalize (object);
}

static void
obeya_photo_thumbnail_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_photo_thumbnail_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Exactly its size request, whatever the picture's own size. */
static void
obeya_photo_thumbnail_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
obeya_photo_thumbnail_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ObeyaPhotoThumbnail *self = OBEYA_PHOTO_THUMBNAIL (widget);

  gtk_widget_allocate (self->stack, width, height, baseline, NULL);
}

static void
obeya_photo_thumbnail_class_init (ObeyaPhotoThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = obeya_photo_thumbnail_constructed;
  object_class->dispose = obeya_photo_thumbnail_dispose;
  object_class->finalize = obeya_photo_thumbnail_finalize;
  object_class->get_property = obeya_photo_thumbnail_get_property;
  object_class->set_property = obeya_photo_thumbnail_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, OBEYA_PHOTO_LOADING, OBEYA_PHOTO_BROKEN,
                      OBEYA_PHOTO_LOADING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = obeya_photo_thumbnail_measure;
  widget_class->size_allocate = obeya_photo_thumbnail_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "obeyaphoto");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
obeya_photo_thumbnail_init (ObeyaPhotoThumbnail *self)
{
  GtkWidget *box;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_size_request (GTK_WIDGET (self), OBEYA_PHOTO_THUMBNAIL_WIDTH,
                               OBEYA_PHOTO_THUMBNAIL_HEIGHT);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->picture = gtk_picture_new ();
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_stack_add_child (GTK_STACK (self->stack), self->picture);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->placeholder_icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->placeholder_icon), 32);
  self->placeholder_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->placeholder_label, "caption");
  gtk_box_append (GTK_BOX (box), self->placeholder_icon);
  gtk_box_append (GTK_BOX (box), self->placeholder_label);
  self->placeholder = box;
  gtk_widget_add_css_class (box, "dim-label");
  gtk_stack_add_child (GTK_STACK (self->stack), box);
}

GtkWidget *
obeya_photo_thumbnail_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (OBEYA_TYPE_PHOTO_THUMBNAIL, "file", file, NULL);
}

GFile *
obeya_photo_thumbnail_get_file (ObeyaPhotoThumbnail *self)
{
  g_return_val_if_fail (OBEYA_IS_PHOTO_THUMBNAIL (self), NULL);

  return self->file;
}

ObeyaPhotoState
obeya_photo_thumbnail_get_state (ObeyaPhotoThumbnail *self)
{
  g_return_val_if_fail (OBEYA_IS_PHOTO_THUMBNAIL (self), OBEYA_PHOTO_BROKEN);

  return self->state;
}
