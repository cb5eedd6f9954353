/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "obeya-chart-widget.h"

#define MENU_MARGIN    6
#define NATURAL_WIDTH  240
#define NATURAL_HEIGHT 160

struct _ObeyaChartWidget
{
  GtkWidget             parent_instance;

  ObeyaChart           *chart;
  ObeyaChartPalette    *palette;
  char                 *export_name;
  gboolean              transparent;
  gboolean              exportable;
  gboolean              high_contrast;
  ObeyaChartWidgetFocusFunc focus_func;
  gpointer              focus_data;
  GtkFileChooserNative *chooser;

  /* template */
  GtkWidget            *menu_button;
};

G_DEFINE_FINAL_TYPE (ObeyaChartWidget, obeya_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_TRANSPARENT,
  PROP_EXPORTABLE,
  PROP_EXPORT_NAME,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- palette ------------------------------------------------------------------ */

static ObeyaChartStyle
current_style (ObeyaChartWidget *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (self->high_contrast || adw_style_manager_get_high_contrast (manager))
    return dark ? OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK : OBEYA_CHART_STYLE_HIGH_CONTRAST;
  return dark ? OBEYA_CHART_STYLE_DARK : OBEYA_CHART_STYLE_LIGHT;
}

static void
update_palette (ObeyaChartWidget *self)
{
  g_clear_pointer (&self->palette, obeya_chart_palette_free);
  self->palette = obeya_chart_palette_copy (obeya_chart_palette_get (current_style (self)));
  if (self->transparent)
    self->palette->background.alpha = 0.;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ObeyaChartPalette *
obeya_chart_widget_get_palette (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), NULL);
  return self->palette;
}

const ObeyaChartPalette *
obeya_chart_widget_get_export_palette (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), NULL);
  return obeya_chart_palette_get (adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                                  ? OBEYA_CHART_STYLE_HIGH_CONTRAST : OBEYA_CHART_STYLE_LIGHT);
}

static void
chart_changed_cb (ObeyaChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- export ------------------------------------------------------------------- */

void
obeya_chart_widget_get_export_size (ObeyaChartWidget *self,
                                    double           *width,
                                    double           *height)
{
  double w, h, longer;

  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w < 1 || h < 1)
    {
      w = 640;
      h = 400;
    }
  /* Type and lines follow the size, so a larger copy reads the same. */
  longer = MAX (w, h);
  if (longer < OBEYA_CHART_WIDGET_EXPORT_MIN)
    {
      w = round (w * OBEYA_CHART_WIDGET_EXPORT_MIN / longer);
      h = round (h * OBEYA_CHART_WIDGET_EXPORT_MIN / longer);
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Exports carry a title: the chart's own, else the export name. Returns
 * the title to restore afterwards (owned), or NULL when none was set. */
static char *
begin_export_title (ObeyaChartWidget *self,
                    gboolean         *changed)
{
  const char *title = obeya_chart_get_title (self->chart);

  *changed = (title == NULL || title[0] == '\0') &&
             self->export_name != NULL && self->export_name[0] != '\0';
  if (!*changed)
    return NULL;
  g_signal_handlers_block_by_func (self->chart, chart_changed_cb, self);
  obeya_chart_set_title (self->chart, self->export_name);
  return g_strdup (title);
}

static void
end_export_title (ObeyaChartWidget *self,
                  gboolean          changed,
                  char             *title)
{
  if (!changed)
    return;
  obeya_chart_set_title (self->chart, title);
  g_signal_handlers_unblock_by_func (self->chart, chart_changed_cb, self);
  g_free (title);
}

gboolean
obeya_chart_widget_save (ObeyaChartWidget  *self,
                         const char        *path,
                         ObeyaChartFormat   format,
                         GError           **error)
{
  double width, height;
  gboolean changed, saved;
  char *title;

  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_RENDER,
                           _("There is no chart to save"));
      return FALSE;
    }
  obeya_chart_widget_get_export_size (self, &width, &height);
  title = begin_export_title (self, &changed);
  saved = obeya_chart_export (self->chart, path, format, width, height,
                              obeya_chart_widget_get_export_palette (self), error);
  end_export_title (self, changed, title);
  return saved;
}

GdkTexture *
obeya_chart_widget_render_texture (ObeyaChartWidget  *self,
                                   int                scale,
                                   GError           **error)
{
  g_autoptr(GBytes) png = NULL;
  double width, height;
  gboolean changed;
  char *title;

  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), NULL);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_RENDER,
                           _("There is no chart to copy"));
      return NULL;
    }
  obeya_chart_widget_get_export_size (self, &width, &height);
  title = begin_export_title (self, &changed);
  png = obeya_chart_render_png_bytes (self->chart, (int) width, (int) height, MAX (scale, 1),
                                      obeya_chart_widget_get_export_palette (self), error);
  end_export_title (self, changed, title);
  if (png == NULL)
    return NULL;
  return gdk_texture_new_from_bytes (png, error);
}

static void
show_toast (ObeyaChartWidget *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* A file name without characters that file systems refuse. */
static char *
dup_export_basename (ObeyaChartWidget *self)
{
  const char *name = self->export_name;
  char *basename;

  if ((name == NULL || name[0] == '\0') && self->chart != NULL)
    name = obeya_chart_get_title (self->chart);
  if (name == NULL || name[0] == '\0')
    name = _("Chart");
  basename = g_strdup (name);
  g_strdelimit (basename, "/\\:*?\"<>|", '-');
  return basename;
}

static const struct
{
  ObeyaChartFormat format;
  const char      *extension;
  const char      *mime_type;
} formats[] = {
  { OBEYA_CHART_FORMAT_PNG, ".png", "image/png" },
  { OBEYA_CHART_FORMAT_SVG, ".svg", "image/svg+xml" },
  { OBEYA_CHART_FORMAT_PDF, ".pdf", "application/pdf" },
};

static void
chooser_response_cb (ObeyaChartWidget     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaChartFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      format = obeya_chart_format_from_path (path);
      if (format == OBEYA_CHART_FORMAT_AUTO)
        {
          /* No known extension: the chosen filter decides, and names it. */
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *extension = ".png";
          char *with_extension;

          format = OBEYA_CHART_FORMAT_PNG;
          for (guint i = 0; filter != NULL && i < G_N_ELEMENTS (formats); i++)
            if (g_object_get_data (G_OBJECT (filter), "obeya-format") ==
                GINT_TO_POINTER (formats[i].format))
              {
                format = formats[i].format;
                extension = formats[i].extension;
              }
          with_extension = g_strconcat (path, extension, NULL);
          g_free (path);
          path = with_extension;
        }

      if (obeya_chart_widget_save (self, path, format, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);

          show_toast (self, message);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the chart: %s"),
                                                      error->message);
          show_toast (self, message);
        }
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *basename = dup_export_basename (self);
  g_autofree char *name = g_strconcat (basename, ".png", NULL);
  const char *filter_names[] = { N_("PNG image"), N_("SVG image"), N_("PDF document") };

  if (self->chart == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Save Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", formats[i].extension, NULL);

      gtk_file_filter_set_name (filter, _(filter_names[i]));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      g_object_set_data (G_OBJECT (filter), "obeya-format", GINT_TO_POINTER (formats[i].format));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = obeya_chart_widget_render_texture (self, 1, &error);
  if (texture == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not copy the chart: %s"),
                                                  error->message);
      show_toast (self, message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  show_toast (self, _("Chart copied"));
}

static void
popover_closed_cb (GtkPopover *popover)
{
  gtk_popover_set_pointing_to (popover, NULL);
}

static void
popup_menu_at (ObeyaChartWidget *self,
               double            x,
               double            y)
{
  GtkPopover *popover;

  if (!self->exportable || self->chart == NULL)
    return;
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->menu_button));
  if (popover != NULL && x >= 0 && y >= 0)
    {
      double bx, by;

      if (gtk_widget_translate_coordinates (GTK_WIDGET (self), self->menu_button, x, y, &bx, &by))
        gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) bx, (int) by, 1, 1 });
    }
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  popup_menu_at (OBEYA_CHART_WIDGET (widget), -1, -1);
}

static void
secondary_pressed_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      ObeyaChartWidget *self)
{
  if (!self->exportable)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 ObeyaChartWidget    *self)
{
  popup_menu_at (self, x, y);
}

static void
update_actions (ObeyaChartWidget *self)
{
  gboolean enabled = self->exportable && self->chart != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-as", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.menu", enabled);
  gtk_widget_set_visible (self->menu_button, enabled);
}

/* ---- chart ---------------------------------------------------------------------- */

static void
update_accessible_label (ObeyaChartWidget *self)
{
  const char *title = self->chart ? obeya_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : _("Chart"),
                                  -1);
}


ObeyaChart *
obeya_chart_widget_get_chart (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}

void
obeya_chart_widget_set_chart (ObeyaChartWidget *self,
                              ObeyaChart       *chart)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));
  g_return_if_fail (chart == NULL || OBEYA_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    {
      g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
      g_signal_connect_swapped (chart, "notify::title", G_CALLBACK (update_accessible_label), self);
    }
  update_accessible_label (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

gboolean
obeya_chart_widget_get_transparent (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), FALSE);
  return self->transparent;
}

void
obeya_chart_widget_set_transparent (ObeyaChartWidget *self,
                                    gboolean          transparent)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  transparent = !!transparent;
  if (self->transparent == transparent)
    return;
  self->transparent = transparent;
  update_palette (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPARENT]);
}

void
obeya_chart_widget_set_focus_func (ObeyaChartWidget          *self,
                                   ObeyaChartWidgetFocusFunc  func,
                                   gpointer                   user_data)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  self->focus_func = func;
  self->focus_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
obeya_chart_widget_get_high_contrast (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), FALSE);
  return self->high_contrast;
}

void
obeya_chart_widget_set_high_contrast (ObeyaChartWidget *self,
                                      gboolean          high_contrast)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  high_contrast = !!high_contrast;
  if (self->high_contrast == high_contrast)
    return;
  self->high_contrast = high_contrast;
  update_palette (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

gboolean
obeya_chart_widget_get_exportable (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), FALSE);
  return self->exportable;
}

void
obeya_chart_widget_set_exportable (ObeyaChartWidget *self,
                                   gboolean          exportable)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  exportable = !!exportable;
  if (self->exportable == exportable)
    return;
  self->exportable = exportable;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTABLE]);
}

const char *
obeya_chart_widget_get_export_name (ObeyaChartWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (self), NULL);
  return self->export_name;
}

void
obeya_chart_widget_set_export_name (ObeyaChartWidget *self,
                                    const char       *name)
{
  g_return_if_fail (OBEYA_IS_CHART_WIDGET (self));

  if (g_strcmp0 (self->export_name, name) == 0)
    return;
  g_free (self->export_name);
  self->export_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORT_NAME]);
}

/* ---- GtkWidget -------------------------------------------------------------------- */

static void
obeya_chart_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (widget);
  int button_min = 0;
  int request_width, request_height, request;

  if (gtk_widget_get_visible (self->menu_button))
    gtk_widget_measure (self->menu_button, orientation, -1, &button_min, NULL, NULL, NULL);
  *minimum = MAX (button_min + 2 * MENU_MARGIN, 16);
  /* A size request is the natural size too (GTK raises the natural size
   * to it); without one, a modest default that layouts stretch. */
  gtk_widget_get_size_request (widget, &request_width, &request_height);
  request = orientation == GTK_ORIENTATION_HORIZONTAL ? request_width : request_height;
  if (request > 0)
    *natural = *minimum;
  else
    *natural = MAX (*minimum, orientation == GTK_ORIENTATION_HORIZONTAL ? NATURAL_WIDTH
                                                                        : NATURAL_HEIGHT);
}

static void
obeya_chart_widget_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (widget);
  int w, h;

  if (!gtk_widget_get_visible (self->menu_button))
    return;
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { MAX (width - w - MENU_MARGIN, 0), MENU_MARGIN, w, h },
                            -1);
}

static void
obeya_chart_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart != NULL && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      graphene_rect_t ring;

      obeya_chart_draw (self->chart, cr, width, height, self->palette);
      /* The keyboard's place inside the chart (a calendar's day): a ring
       * like GTK's focus ring while the widget itself has the focus. Not
       * tied to the window's focus-visible, which GTK turns off again after
       * keys that a widget handles itself; the owner's function says when
       * there is no ring (after a click). */
      if (self->focus_func != NULL && gtk_widget_is_focus (widget) &&
          self->focus_func (self, &ring, self->focus_data))
        {
          const graphene_rect_t *r = &ring;

          obeya_chart_rounded_rect (cr, r->origin.x - 2.5, r->origin.y - 2.5,
                                    r->size.width + 5., r->size.height + 5., 5.);
          obeya_chart_set_color (cr, &self->palette->accent);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }
  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
obeya_chart_widget_dispose (GObject *object)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  obeya_chart_widget_set_chart (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_CHART_WIDGET);

  G_OBJECT_CLASS (obeya_chart_widget_parent_class)->dispose (object);
}

static void
obeya_chart_widget_finalize (GObject *object)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (object);

  g_clear_pointer (&self->palette, obeya_chart_palette_free);
  g_clear_pointer (&self->export_name, g_free);

  G_OBJECT_CLASS (obeya_chart_widget_parent_class)->finalize (object);
}

static void
obeya_chart_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_TRANSPARENT:
      g_value_set_boolean (value, self->transparent);
      break;
    case PROP_EXPORTABLE:
      g_value_set_boolean (value, self->exportable);
      break;
    case PROP_EXPORT_NAME:
      g_value_set_string (value, self->export_name);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_chart_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ObeyaChartWidget *self = OBEYA_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      obeya_chart_widget_set_chart (self, g_value_get_object (value));
      break;
    case PROP_TRANSPARENT:
      obeya_chart_widget_set_transparent (self, g_value_get_boolean (value));
      break;
    case PROP_EXPORTABLE:
      obeya_chart_widget_set_exportable (self, g_value_get_boolean (value));
      break;
    case PROP_EXPORT_NAME:
      obeya_chart_widget_set_export_name (self, g_value_get_string (value));
      break;
    case PROP_HIGH_CONTRAST:
      obeya_chart_widget_set_high_contrast (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_chart_widget_class_init (ObeyaChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = obeya_chart_widget_dispose;
  object_class->finalize = obeya_chart_widget_finalize;
  object_class->get_property = obeya_chart_widget_get_property;
  object_class->set_property = obeya_chart_widget_set_property;

  widget_class->measure = obeya_chart_widget_measure;
  widget_class->size_allocate = obeya_chart_widget_size_allocate;
  widget_class->snapshot = obeya_chart_widget_snapshot;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, OBEYA_TYPE_CHART, rw);
  properties[PROP_TRANSPARENT] =
    g_param_spec_boolean ("transparent", NULL, NULL, FALSE, rw);
  properties[PROP_EXPORTABLE] =
    g_param_spec_boolean ("exportable", NULL, NULL, TRUE, rw | G_PARAM_CONSTRUCT);
  properties[PROP_EXPORT_NAME] =
    g_param_spec_string ("export-name", NULL, NULL, NULL, rw);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-chart-widget.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaChartWidget, menu_button);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "obeyachart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
obeya_chart_widget_init (ObeyaChartWidget *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkGesture *click;
  GtkGesture *long_press;
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->menu_button));
  if (popover != NULL)
    g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_palette), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_palette), self,
                           G_CONNECT_SWAPPED);
  update_palette (self);
  update_accessible_label (self);
  update_actions (self);
}

GtkWidget *
obeya_chart_widget_new (ObeyaChart *chart)
{
  return g_object_new (OBEYA_TYPE_CHART_WIDGET, "chart", chart, NULL);
}
