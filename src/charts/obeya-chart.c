/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-private.h"

/* Exports larger than this (per side, in pixels or points) are refused. */
#define MAX_EXPORT_SIDE 16384.

typedef struct
{
  char            *title;
  char            *empty_message;
  char            *font_family;
  double           font_scale;

  /* Where the last draw put the data. */
  gboolean         has_plot;
  ObeyaChartRect   plot;
  ObeyaChartScale  x;
  ObeyaChartScale  y;
} ObeyaChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ObeyaChart, obeya_chart, G_TYPE_OBJECT)

G_DEFINE_QUARK (obeya-chart-error-quark, obeya_chart_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_EMPTY_MESSAGE,
  PROP_FONT_SCALE,
  PROP_FONT_FAMILY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

static gboolean
obeya_chart_real_is_empty (ObeyaChart *self)
{
  return TRUE;
}

static void
obeya_chart_real_draw_empty (ObeyaChart              *self,
                             ObeyaChartContext       *ctx,
                             const ObeyaChartRect    *area)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  _obeya_chart_draw_message (ctx, area,
                             priv->empty_message ? priv->empty_message : _("No data yet"));
}

static void
obeya_chart_finalize (GObject *object)
{
  ObeyaChart *self = OBEYA_CHART (object);
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->empty_message, g_free);
  g_clear_pointer (&priv->font_family, g_free);

  G_OBJECT_CLASS (obeya_chart_parent_class)->finalize (object);
}

static void
obeya_chart_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ObeyaChart *self = OBEYA_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, obeya_chart_get_title (self));
      break;
    case PROP_EMPTY_MESSAGE:
      g_value_set_string (value, obeya_chart_get_empty_message (self));
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, obeya_chart_get_font_scale (self));
      break;
    case PROP_FONT_FAMILY:
      g_value_set_string (value, obeya_chart_get_font_family (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_chart_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ObeyaChart *self = OBEYA_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      obeya_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_EMPTY_MESSAGE:
      obeya_chart_set_empty_message (self, g_value_get_string (value));
      break;
    case PROP_FONT_SCALE:
      obeya_chart_set_font_scale (self, g_value_get_double (value));
      break;
    case PROP_FONT_FAMILY:
      obeya_chart_set_font_family (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_chart_class_init (ObeyaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_chart_finalize;
  object_class->get_property = obeya_chart_get_property;
  object_class->set_property = obeya_chart_set_property;

  klass->is_empty = obeya_chart_real_is_empty;
  klass->draw_empty = obeya_chart_real_draw_empty;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_MESSAGE] =
    g_param_spec_string ("empty-message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, 0.25, 8., 1.,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaChart::changed:
   *
   * Emitted when anything that changes the drawing changed: data or a
   * property. A widget showing the chart queues a redraw.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
obeya_chart_init (ObeyaChart *self)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  priv->font_scale = 1.;
}

void
_obeya_chart_emit_changed (ObeyaChart *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_changed (ObeyaChart *self,
                guint       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _obeya_chart_emit_changed (self);
}

void
_obeya_chart_notify (ObeyaChart *self,
                     GParamSpec *pspec)
{
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  _obeya_chart_emit_changed (self);
}

static gboolean
same_or_both_nan (double a,
                  double b)
{
  return a == b || (isnan (a) && isnan (b));
}

void
_obeya_chart_set_span (ObeyaChart *self,
                       double     *min_field,
                       double     *max_field,
                       double      min,
                       double      max)
{
  if (same_or_both_nan (*min_field, min) && same_or_both_nan (*max_field, max))
    return;
  *min_field = min;
  *max_field = max;
  _obeya_chart_notify (self, NULL);
}

gboolean
_obeya_chart_set_string (ObeyaChart  *self,
                         char       **field,
                         const char  *value,
                         GParamSpec  *pspec)
{
  if (!set_str (field, value))
    return FALSE;
  _obeya_chart_notify (self, pspec);
  return TRUE;
}

void
_obeya_chart_set_mapping (ObeyaChart            *self,
                          const ObeyaChartRect  *plot,
                          const ObeyaChartScale *x,
                          const ObeyaChartScale *y)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  priv->has_plot = TRUE;
  priv->plot = *plot;
  priv->x = *x;
  priv->y = *y;
}

gboolean
obeya_chart_get_plot_area (ObeyaChart     *self,
                           ObeyaChartRect *area)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), FALSE);

  if (area)
    *area = priv->plot;
  return priv->has_plot;
}

gboolean
obeya_chart_map (ObeyaChart *self,
                 double      x,
                 double      y,
                 double     *px,
                 double     *py)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), FALSE);

  if (!priv->has_plot)
    return FALSE;
  if (px)
    *px = _obeya_chart_scale_map (&priv->x, x);
  if (py)
    *py = _obeya_chart_scale_map (&priv->y, y);
  return TRUE;
}

gboolean
obeya_chart_is_empty (ObeyaChart *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART (self), TRUE);

  return OBEYA_CHART_GET_CLASS (self)->is_empty (self);
}

void
obeya_chart_draw (ObeyaChart              *self,
                  cairo_t                 *cr,
                  double                   width,
                  double                   height,
                  const ObeyaChartPalette *palette)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);
  ObeyaChartClass *klass;
  g_autoptr(ObeyaChartContext) ctx = NULL;
  ObeyaChartRect area;

  g_return_if_fail (OBEYA_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  priv->has_plot = FALSE;
  if (!(width >= 1.) || !(height >= 1.) || !isfinite (width) || !isfinite (height))
    return;
  if (palette == NULL)
    palette = obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);

  klass = OBEYA_CHART_GET_CLASS (self);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  if (palette->background.alpha > 0.)
    {
      obeya_chart_set_color (cr, &palette->background);
      cairo_paint (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  ctx = _obeya_chart_context_new (cr, width, height, palette, priv->font_scale,
                                  priv->font_family);
  if (klass->tight)
    ctx->pad = 0.;
  area.x = ctx->pad;
  area.y = ctx->pad;
  area.width = width - 2 * ctx->pad;
  area.height = height - 2 * ctx->pad;

  if (priv->title && *priv->title && area.height > 0. && !klass->tight)
    {
      double th;

      _obeya_chart_text_size (ctx, priv->title, OBEYA_CHART_TEXT_TITLE, TRUE,
                              area.width, NULL, &th);
      _obeya_chart_draw_text (ctx, priv->title, area.x, area.y, 0., 0.,
                              OBEYA_CHART_TEXT_TITLE, TRUE, &palette->foreground,
                              area.width, 0.);
      area.y += th + ctx->gap * 1.5;
      area.height -= th + ctx->gap * 1.5;
    }

  if (area.width > 0. && area.height > 0.)
    {
      if (klass->is_empty (self) || klass->draw == NULL)
        klass->draw_empty (self, ctx, &area);
      else
        klass->draw (self, ctx, &area);
    }

  cairo_restore (cr);
}

/* Exports */

ObeyaChartFormat
obeya_chart_format_from_path (const char *path)
{
  const char *dot;

  if (path == NULL)
    return OBEYA_CHART_FORMAT_AUTO;
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return OBEYA_CHART_FORMAT_AUTO;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return OBEYA_CHART_FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return OBEYA_CHART_FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return OBEYA_CHART_FORMAT_PDF;
  return OBEYA_CHART_FORMAT_AUTO;
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (!(width >= 1.) || !(height >= 1.) || width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE)
    {
      g_set_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_SIZE,
                   _("Cannot draw a chart of %g × %g"), width, height);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_RENDER,
               _("Drawing the chart failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

GBytes *
obeya_chart_render_png_bytes (ObeyaChart              *self,
                              int                      width,
                              int                      height,
                              int                      scale,
                              const ObeyaChartPalette *palette,
                              GError                 **error)
{
  GBytes *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (OBEYA_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (scale < 1)
    scale = 1;
  if (!check_size ((double) width * scale, (double) height * scale, error))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  obeya_chart_draw (self, cr, width, height, palette);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (!check_cairo (status, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  bytes = _obeya_png_encode (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}

GBytes *
obeya_chart_render_bytes (ObeyaChart              *self,
                          ObeyaChartFormat         format,
                          double                   width,
                          double                   height,
                          const ObeyaChartPalette *palette,
                          GError                 **error)
{
  g_autoptr(GByteArray) array = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (OBEYA_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case OBEYA_CHART_FORMAT_PNG:
      if (!check_size (ceil (width), ceil (height), error))
        return NULL;
      return obeya_chart_render_png_bytes (self, (int) ceil (width), (int) ceil (height), 1,
                                           palette, error);

    case OBEYA_CHART_FORMAT_SVG:
    case OBEYA_CHART_FORMAT_PDF:
      if (!check_size (width, height, error))
        return NULL;
      array = g_byte_array_new ();
      if (format == OBEYA_CHART_FORMAT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (write_to_array_cb, array, width, height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        {
          ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

          surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, array, width, height);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Obeya");
          if (priv->title)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, priv->title);
        }
      cr = cairo_create (surface);
      obeya_chart_draw (self, cr, width, height, palette);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (!check_cairo (status, error))
        return NULL;
      return g_byte_array_free_to_bytes (g_steal_pointer (&array));

    case OBEYA_CHART_FORMAT_AUTO:
    default:
      g_set_error_literal (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_FORMAT,
                           _("Unknown image format: use PNG, SVG or PDF"));
      return NULL;
    }
}

gboolean
obeya_chart_export (ObeyaChart              *self,
                    const char              *path,
                    ObeyaChartFormat         format,
                    double                   width,
                    double                   height,
                    const ObeyaChartPalette *palette,
                    GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (OBEYA_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == OBEYA_CHART_FORMAT_AUTO)
    format = obeya_chart_format_from_path (path);
  if (format == OBEYA_CHART_FORMAT_AUTO)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_FORMAT,
                   _("Cannot tell the image format of “%s”: name it .png, .svg or .pdf"),
                   name);
      return FALSE;
    }

  bytes = obeya_chart_render_bytes (self, format, width, height, palette, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* Properties */

const char *
obeya_chart_get_title (ObeyaChart *self)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), NULL);

  return priv->title;
}

void
obeya_chart_set_title (ObeyaChart *self,
                       const char *title)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_CHART (self));

  if (set_str (&priv->title, title))
    notify_changed (self, PROP_TITLE);
}

const char *
obeya_chart_get_empty_message (ObeyaChart *self)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), NULL);

  return priv->empty_message;
}

void
obeya_chart_set_empty_message (ObeyaChart *self,
                               const char *message)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_CHART (self));

  if (set_str (&priv->empty_message, message))
    notify_changed (self, PROP_EMPTY_MESSAGE);
}

double
obeya_chart_get_font_scale (ObeyaChart *self)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), 1.);

  return priv->font_scale;
}

void
obeya_chart_set_font_scale (ObeyaChart *self,
                            double      font_scale)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_CHART (self));

  font_scale = CLAMP (font_scale, 0.25, 8.);
  if (priv->font_scale == font_scale)
    return;
  priv->font_scale = font_scale;
  notify_changed (self, PROP_FONT_SCALE);
}

const char *
obeya_chart_get_font_family (ObeyaChart *self)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_val_if_fail (OBEYA_IS_CHART (self), NULL);

  return priv->font_family;
}

void
obeya_chart_set_font_family (ObeyaChart *self,
                             const char *font_family)
{
  ObeyaChartPrivate *priv = obeya_chart_get_instance_private (self);

  g_return_if_fail (OBEYA_IS_CHART (self));

  if (set_str (&priv->font_family, font_family))
    notify_changed (self, PROP_FONT_FAMILY);
}
