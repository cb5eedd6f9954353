/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-dialog-util.h"
#include "obeya-entity.h"
#include "obeya-tag.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* Room left around a dialog inside its parent, and the smallest size that
 * still shows a form. */
#define DIALOG_MARGIN     32
#define DIALOG_MIN_WIDTH  360
#define DIALOG_MIN_HEIGHT 320

void
obeya_dialog_init_window (GtkWindow *dialog,
                          GtkWindow *parent,
                          int        width,
                          int        height)
{
  int avail_width = 0, avail_height = 0;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_set_modal (dialog, TRUE);
  gtk_window_set_destroy_with_parent (dialog, TRUE);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (dialog, parent);
      avail_width = gtk_widget_get_width (GTK_WIDGET (parent));
      avail_height = gtk_widget_get_height (GTK_WIDGET (parent));
    }

  if (avail_width <= 0 || avail_height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (dialog)));
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          avail_width = geometry.width;
          avail_height = geometry.height;
        }
    }

  if (avail_width > 0)
    width = MAX (MIN (width, avail_width - DIALOG_MARGIN), DIALOG_MIN_WIDTH);
  if (avail_height > 0)
    height = MAX (MIN (height, avail_height - DIALOG_MARGIN), DIALOG_MIN_HEIGHT);
  gtk_window_set_default_size (dialog, width, height);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  GtkWindow *window = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Unless something destroyed it meanwhile. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (other == window)
        {
          gtk_window_destroy (window);
          break;
        }
    }
  return G_SOURCE_REMOVE;
}

void
obeya_dialog_destroy_later (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "obeya-destroy-later") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "obeya-destroy-later", GINT_TO_POINTER (TRUE));
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, destroy_idle_cb, g_object_ref (window), g_object_unref);
}

void
obeya_dialog_class_add_escape (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GDateTime *
day_to_date_time (ObeyaDay day)
{
  int year, month, mday;

  obeya_day_to_ymd (day, &year, &month, &mday);
  return g_date_time_new_local (year, month, mday, 12, 0, 0);
}

char *
obeya_format_timestamp (ObeyaTimestamp ts)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!OBEYA_TIMESTAMP_IS_SET (ts))
    return g_strdup ("");
  dt = obeya_timestamp_to_date_time (ts);
  /* Translators: a date and time, as in "6 Nov 2026, 09:15"; see the
   * g_date_time_format() documentation for the codes. */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

static char *
format_day (ObeyaDay    day,
            const char *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (day == OBEYA_DAY_NONE)
    return g_strdup ("");
  dt = day_to_date_time (day);
  return g_date_time_format (dt, format);
}

char *
obeya_format_day (ObeyaDay day)
{
  /* Translators: a short date, as in "6 Nov 2026"; see g_date_time_format(). */
  return format_day (day, _("%-d %b %Y"));
}

char *
obeya_format_day_long (ObeyaDay day)
{
  /* Translators: a long date, as in "Friday, 6 November 2026"; see
   * g_date_time_format(). */
  return format_day (day, _("%A, %-d %B %Y"));
}

char *
obeya_format_duration (gint64 seconds)
{
  gint64 n;

  if (seconds < 60)
    return g_strdup (_("less than a minute"));
  if (seconds < 3600)
    {
      n = seconds / 60;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", n), (int) n);
    }
  if (seconds < 86400)
    {
      n = seconds / 3600;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", n), (int) n);
    }
  n = seconds / 86400;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), (int) n);
}

const char *
obeya_tag_color_get_label (const char *color)
{
  static const struct { const char *color; const char *label; } labels[] = {
    { "blue", N_("Blue") },
    { "green", N_("Green") },
    { "yellow", N_("Yellow") },
    { "orange", N_("Orange") },
    { "red", N_("Red") },
    { "purple", N_("Purple") },
    { "brown", N_("Brown") },
    { "grey", N_("Grey") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].color, color) == 0)
      return _(labels[i].label);
  return color ? color : "";
}

void
obeya_tag_swatch_set_color (GtkWidget  *swatch,
                            const char *color)
{
  const char * const *colors = obeya_tag_colors ();

  for (guint i = 0; colors[i] != NULL; i++)
    gtk_widget_remove_css_class (swatch, colors[i]);
  if (color != NULL && g_strv_contains (colors, color))
    gtk_widget_add_css_class (swatch, color);
  gtk_widget_set_tooltip_text (swatch, obeya_tag_color_get_label (color));
}

GtkWidget *
obeya_tag_swatch_new (const char *color)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (swatch, "obeya-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (swatch, GTK_ALIGN_CENTER);
  obeya_tag_swatch_set_color (swatch, color);
  return swatch;
}

const char *
obeya_tag_color_suggest (ObeyaWorkspace *workspace)
{
  const char * const *colors = obeya_tag_colors ();
  GListModel *tags = obeya_workspace_get_tags (workspace);
  guint n = g_list_model_get_n_items (tags);

  for (guint c = 0; colors[c] != NULL; c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(ObeyaTag) tag = g_list_model_get_item (tags, i);
          used = g_strcmp0 (obeya_tag_get_color (tag), colors[c]) == 0;
        }
      if (!used)
        return colors[c];
    }
  return colors[0];
}

char **
obeya_strv_with (const char * const *strv,
                 const char         *item,
                 gboolean            present)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean found = FALSE;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (g_strcmp0 (strv[i], item) == 0)
        {
          found = TRUE;
          if (!present)
            continue;
        }
      g_strv_builder_add (builder, strv[i]);
    }
  if (present && !found)
    g_strv_builder_add (builder, item);
  return g_strv_builder_end (builder);
}

AdwMessageDialog *
obeya_dialog_new_confirm (GtkWindow             *parent,
                          const char            *heading,
                          const char            *body,
                          const char            *response_id,
                          const char            *response_label,
                          AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, response_id, response_label);
  adw_message_dialog_set_response_appearance (dialog, response_id, appearance);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

char *
obeya_editable_dup_stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
obeya_sync_editable (GtkEditable  *editable,
                     char        **shown,
                     const char   *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*shown, value) == 0)
    return;
  obeya_set_str (shown, value);
  if (g_strcmp0 (gtk_editable_get_text (editable), value) != 0)
    gtk_editable_set_text (editable, value);
}

gpointer
obeya_row_get_object (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), "obeya-object");
}

void
obeya_row_set_object (gpointer row,
                      gpointer object)
{
  g_object_set_data_full (G_OBJECT (row), "obeya-object", g_object_ref (object), g_object_unref);
}

gboolean
obeya_rows_match_model (GPtrArray  *rows,
                        GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  if (rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (obeya_row_get_object (rows->pdata[i]) != item)
        return FALSE;
    }
  return TRUE;
}

void
obeya_list_insert_before (GtkWidget *anchor,
                          GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (anchor);

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (anchor)));
}

static void
container_remove (GtkWidget *container,
                  GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_remove (ADW_EXPANDER_ROW (container), row);
  else
    gtk_list_box_remove (GTK_LIST_BOX (container), row);
}

static void
container_add (GtkWidget *container,
               GtkWidget *anchor,
               GtkWidget *row)
{
  if (anchor != NULL)
    obeya_list_insert_before (anchor, row);
  else if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (container), row);
}

void
obeya_rows_sync (GtkWidget       *container,
                 GtkWidget       *anchor,
                 GPtrArray       *rows,
                 GListModel      *model,
                 ObeyaNewRowFunc  new_row,
                 gpointer         data)
{
  g_autoptr(GHashTable) kept = NULL;
  guint n = g_list_model_get_n_items (model);

  if (obeya_rows_match_model (rows, model))
    return;

  /* Take every row out (keeping a reference), then put back in model order
   * the rows of items still there, and new rows for new items. */
  kept = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      g_hash_table_insert (kept, obeya_row_get_object (rows->pdata[i]), g_object_ref (rows->pdata[i]));
      container_remove (container, rows->pdata[i]);
    }
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GtkWidget *row = g_hash_table_lookup (kept, item);

      if (row == NULL)
        row = new_row (item, data);
      container_add (container, anchor, row);
      g_ptr_array_add (rows, row);
    }
}

gpointer
obeya_find_by_id (GListModel *model,
                  const char *id,
                  guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (obeya_entity_get_id (entity), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return entity;  /* the model keeps it alive */
        }
    }
  return NULL;
}

guint
obeya_model_find (GListModel *model,
                  gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
obeya_string_list_set_strings (GtkStringList      *list,
                               const char * const *strings)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n = strings ? g_strv_length ((char **) strings) : 0;
  gboolean same = n == old;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (strings[i], gtk_string_list_get_string (list, i)) == 0;
  if (!same)
    gtk_string_list_splice (list, 0, old, strings);
}

void
obeya_string_list_set_names (GtkStringList *list,
                             GListModel    *model)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      g_strv_builder_add (builder, name ? name : "");
    }
  names = g_strv_builder_end (builder);
  obeya_string_list_set_strings (list, (const char * const *) names);
}

typedef struct
{
  GCallback toggled;
  gpointer  data;
} CheckRowClosure;

static GtkWidget *
new_check_row (gpointer item,
               gpointer data)
{
  CheckRowClosure *closure = data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  obeya_row_set_object (row, item);
  obeya_row_set_object (check, item);
  g_object_set_data (G_OBJECT (row), "obeya-check", check);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Prefixes are prepended: the swatch first, so that it shows after the check. */
  if (OBEYA_IS_TAG (item))
    {
      GtkWidget *swatch = obeya_tag_swatch_new (NULL);

      g_object_set_data (G_OBJECT (row), "obeya-swatch", swatch);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect (check, "toggled", closure->toggled, closure->data);
  return row;
}

void
obeya_check_rows_sync (AdwExpanderRow     *expander,
                       GtkWidget          *anchor,
                       GPtrArray          *rows,
                       GListModel         *model,
                       const char * const *checked,
                       const char         *none,
                       GCallback           toggled,
                       gpointer            data)
{
  g_autoptr(GString) names = g_string_new (NULL);
  CheckRowClosure closure = { toggled, data };

  obeya_rows_sync (GTK_WIDGET (expander), anchor, rows, model, new_check_row, &closure);

  for (guint i = 0; i < rows->len; i++)
    {
      ObeyaEntity *item = obeya_row_get_object (rows->pdata[i]);
      GtkWidget *check = g_object_get_data (G_OBJECT (rows->pdata[i]), "obeya-check");
      GtkWidget *swatch = g_object_get_data (G_OBJECT (rows->pdata[i]), "obeya-swatch");
      gboolean active = checked != NULL && g_strv_contains (checked, obeya_entity_get_id (item));
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      adw_preferences_row_set_title (rows->pdata[i], name ? name : "");
      if (swatch != NULL)
        obeya_tag_swatch_set_color (swatch, obeya_tag_get_color (OBEYA_TAG (item)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      if (active)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name ? name : "");
        }
    }
  adw_expander_row_set_subtitle (expander, names->len > 0 ? names->str : none);
}

/* ---- people --------------------------------------------------------------------- */

/* Darker shades than libadwaita's avatars use, so white initials read at
 * 4.5:1; on green and yellow dark ink does. Kept in step with the
 * avatar.obeya-person-* rules of style.css. */
static const struct
{
  const char *name;
  const char *palette;
  gboolean    dark_ink;
} person_colors[] = {
  { "blue", "blue_4", FALSE },
  { "green", "green_4", TRUE },
  { "yellow", "yellow_4", TRUE },
  { "orange", "orange_5", FALSE },
  { "red", "red_3", FALSE },
  { "purple", "purple_3", FALSE },
  { "brown", "brown_3", FALSE },
};

const char *
obeya_person_color (const char  *name,
                    const char **palette,
                    gboolean    *dark_ink)
{
  guint i = g_str_hash (name ? name : "") % G_N_ELEMENTS (person_colors);

  if (palette != NULL)
    *palette = person_colors[i].palette;
  if (dark_ink != NULL)
    *dark_ink = person_colors[i].dark_ink;
  return person_colors[i].name;
}

void
obeya_person_avatar_set_name (GtkWidget  *avatar,
                              const char *name)
{
  g_autofree char *class = g_strconcat ("obeya-person-", obeya_person_color (name, NULL, NULL),
                                        NULL);

  for (guint i = 0; i < G_N_ELEMENTS (person_colors); i++)
    {
      g_autofree char *other = g_strconcat ("obeya-person-", person_colors[i].name, NULL);

      gtk_widget_remove_css_class (avatar, other);
    }
  gtk_widget_add_css_class (avatar, class);
  adw_avatar_set_text (ADW_AVATAR (avatar), name);
}

GtkWidget *
obeya_person_avatar_new (const char *name,
                         int         size)
{
  GtkWidget *avatar = adw_avatar_new (size, name, TRUE);

  gtk_widget_add_css_class (avatar, "obeya-person-color");
  obeya_person_avatar_set_name (avatar, name);
  return avatar;
}
