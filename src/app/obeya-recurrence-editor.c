/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "obeya-board.h"
#include "obeya-column.h"
#include "obeya-dialog-util.h"
#include "obeya-recurrence-editor.h"
#include "obeya-recurrence.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* Model → widgets in refresh() only, on every ObeyaWorkspace::changed, with
 * self->updating raised so that no widget handler issues a command then (as
 * in the card editor). */

struct _ObeyaRecurrenceEditor
{
  GtkBox           parent_instance;

  ObeyaRecurrence *recurrence;
  ObeyaBoard      *board;
  ObeyaWorkspace  *workspace;
  gulong           changed_id;

  /* template children */
  AdwWindowTitle  *window_title;
  AdwEntryRow     *title_row;
  AdwEntryRow     *description_row;
  AdwComboRow     *column_row;
  AdwExpanderRow  *assignees_row;
  AdwExpanderRow  *tags_row;
  GtkTextView     *checklist_view;
  AdwComboRow     *kind_row;
  AdwActionRow    *weekdays_row;
  GtkBox          *weekdays_box;
  AdwActionRow    *day_row;
  GtkSpinButton   *day_spin;
  AdwActionRow    *nth_row;
  GtkSpinButton   *nth_spin;
  GtkSwitch       *paused_switch;
  AdwActionRow    *next_row;

  GtkToggleButton *weekdays[7];   /* Monday … Sunday */
  GPtrArray       *person_rows;
  GPtrArray       *tag_rows;
  GtkStringList   *columns;       /* "First column", then the board's columns */
  char            *shown_title;
  char            *shown_description;
  char            *shown_checklist;
  guint            updating;
};

G_DEFINE_FINAL_TYPE (ObeyaRecurrenceEditor, obeya_recurrence_editor, GTK_TYPE_BOX)

static gboolean
is_alive (ObeyaRecurrenceEditor *self)
{
  const char *board_id = obeya_entity_get_id (OBEYA_ENTITY (self->board));

  return obeya_workspace_find_board (self->workspace, board_id) == self->board &&
         obeya_model_find (obeya_board_get_recurrences (self->board), self->recurrence)
         != GTK_INVALID_LIST_POSITION;
}

static gboolean
can_edit (ObeyaRecurrenceEditor *self)
{
  return self->updating == 0 && self->recurrence != NULL && is_alive (self);
}

static void
edit (ObeyaRecurrenceEditor *self,
      const char            *label,
      const char            *property,
      ...)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->recurrence), property);
  GValue value = G_VALUE_INIT;
  GValue current = G_VALUE_INIT;
  g_autofree char *error = NULL;
  va_list args;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (G_OBJECT (self->recurrence), property, &current);
  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  if (error == NULL && g_param_values_cmp (pspec, &value, &current) != 0)
    obeya_entity_edit_value (OBEYA_ENTITY (self->recurrence), label, property, &value);
  g_value_unset (&value);
  g_value_unset (&current);
}

/* ---- card fields ---------------------------------------------------------- */

static void
commit_title (ObeyaRecurrenceEditor *self)
{
  g_autofree char *title = NULL;

  if (!can_edit (self))
    return;
  title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));
  if (title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      return;
    }
  if (g_strcmp0 (title, obeya_recurrence_get_title (self->recurrence)) != 0)
    edit (self, _("Rename recurring card"), "title", title);
}

static void
title_changed_cb (ObeyaRecurrenceEditor *self)
{
  g_autofree char *title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));

  if (title[0] != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
commit_description (ObeyaRecurrenceEditor *self)
{
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;
  text = obeya_editable_dup_stripped (GTK_EDITABLE (self->description_row));
  if (g_strcmp0 (text[0] != '\0' ? text : NULL, obeya_recurrence_get_description (self->recurrence)) != 0)
    edit (self, _("Edit recurring card"), "description", text[0] != '\0' ? text : NULL);
}

static char *
dup_checklist_text (ObeyaRecurrenceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->checklist_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_checklist (ObeyaRecurrenceEditor *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (!can_edit (self))
    return;

  text = dup_checklist_text (self);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  items = g_strv_builder_end (builder);
  if (!obeya_strv_equal ((const char * const *) items,
                         obeya_recurrence_get_checklist (self->recurrence)))
    edit (self, _("Edit recurring checklist"), "checklist", items[0] != NULL ? items : NULL);
}

static void
focus_leave_cb (ObeyaRecurrenceEditor *self)
{
  obeya_recurrence_editor_commit (self);
}

static void
column_selected_cb (ObeyaRecurrenceEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->column_row);
  g_autoptr(ObeyaColumn) column = NULL;
  const char *id = NULL;

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    {
      column = g_list_model_get_item (obeya_board_get_columns (self->board), selected - 1);
      id = column ? obeya_entity_get_id (OBEYA_ENTITY (column)) : NULL;
    }
  if (g_strcmp0 (id, obeya_recurrence_get_column (self->recurrence)) != 0)
    edit (self, _("Change column of recurring card"), "column", id);
}

static void
set_listed (ObeyaRecurrenceEditor *self,
            const char            *property,
            GtkCheckButton        *check,
            const char            *label)
{
  ObeyaEntity *item = obeya_row_get_object (check);
  g_auto(GStrv) current = NULL;
  g_auto(GStrv) updated = NULL;

  if (!can_edit (self))
    return;
  g_object_get (self->recurrence, property, &current, NULL);
  updated = obeya_strv_with ((const char * const *) current, obeya_entity_get_id (item),
                             gtk_check_button_get_active (check));
  if (!obeya_strv_equal ((const char * const *) current, (const char * const *) updated))
    edit (self, label, property, updated[0] != NULL ? updated : NULL);
}

static void
person_toggled_cb (GtkCheckButton        *check,
                   ObeyaRecurrenceEditor *self)
{
  set_listed (self, "assignees", check, _("Change assignees of recurring card"));
}

static void
tag_toggled_cb (GtkCheckButton        *check,
                ObeyaRecurrenceEditor *self)
{
  set_listed (self, "tags", check, _("Change tags of recurring card"));
}

/* ---- schedule ------------------------------------------------------------- */

static void
kind_selected_cb (ObeyaRecurrenceEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      (ObeyaRecurrenceKind) selected == obeya_recurrence_get_kind (self->recurrence))
    return;
  edit (self, _("Change schedule"), "kind", (ObeyaRecurrenceKind) selected);
}

static void
weekday_toggled_cb (GtkToggleButton       *button,
                    ObeyaRecurrenceEditor *self)
{
  guint mask = 0;

  if (!can_edit (self))
    return;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekdays[i]))
      mask |= 1u << i;
  edit (self, _("Change weekdays"), "weekdays", mask);
}

static void
day_changed_cb (ObeyaRecurrenceEditor *self)
{
  if (can_edit (self))
    edit (self, _("Change day of the month"), "day",
          (guint) gtk_spin_button_get_value_as_int (self->day_spin));
}

static void
nth_changed_cb (ObeyaRecurrenceEditor *self)
{
  if (can_edit (self))
    edit (self, _("Change working day"), "nth",
          (guint) gtk_spin_button_get_value_as_int (self->nth_spin));
}

static void
paused_changed_cb (ObeyaRecurrenceEditor *self)
{
  gboolean paused = gtk_switch_get_active (self->paused_switch);

  if (!can_edit (self) || paused == obeya_recurrence_get_paused (self->recurrence))
    return;
  edit (self, paused ? _("Pause recurring card") : _("Resume recurring card"), "paused", paused);
}

/* ---- actions -------------------------------------------------------------- */

static void
close_subpage (ObeyaRecurrenceEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaRecurrenceEditor *self = OBEYA_RECURRENCE_EDITOR (widget);

  obeya_recurrence_editor_commit (self);
  close_subpage (self);
}

static void
remove_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    ObeyaRecurrenceEditor *self)
{
  if (g_strcmp0 (response, "remove") != 0 || !can_edit (self))
    return;
  /* refresh() closes the subpage when it sees the recurrence gone. */
  obeya_board_remove_recurrence (self->board, self->recurrence);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaRecurrenceEditor *self = OBEYA_RECURRENCE_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (!can_edit (self))
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), obeya_recurrence_get_title (self->recurrence));
  dialog = obeya_dialog_new_confirm (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                     _("No more cards will be created for it. Cards it already "
                                       "created stay on the board. You can undo this."),
                                     "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- model → widgets ------------------------------------------------------ */

static void
refresh_schedule (ObeyaRecurrenceEditor *self)
{
  ObeyaRecurrenceKind kind = obeya_recurrence_get_kind (self->recurrence);
  guint weekdays = obeya_recurrence_get_weekdays (self->recurrence);
  ObeyaDay today = obeya_day_today ();
  ObeyaDay after, next;
  g_autofree char *next_text = NULL;

  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->weekdays_row), kind == OBEYA_RECURRENCE_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->day_row), kind == OBEYA_RECURRENCE_MONTHLY_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->nth_row), kind == OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekdays[i], (weekdays & (1u << i)) != 0);
  gtk_spin_button_set_value (self->day_spin, obeya_recurrence_get_day (self->recurrence));
  gtk_spin_button_set_value (self->nth_spin, obeya_recurrence_get_nth (self->recurrence));
  gtk_switch_set_active (self->paused_switch, obeya_recurrence_get_paused (self->recurrence));

  /* Today counts, unless today's card was already created. */
  after = today - 1;
  if (obeya_recurrence_get_last_created (self->recurrence) > after)
    after = obeya_recurrence_get_last_created (self->recurrence);
  next = obeya_recurrence_get_next_occurrence (self->recurrence, after);
  if (obeya_recurrence_get_paused (self->recurrence))
    next_text = g_strdup (_("None while paused"));
  else if (kind == OBEYA_RECURRENCE_WEEKLY && weekdays == 0)
    next_text = g_strdup (_("Choose at least one day"));
  else if (next == OBEYA_DAY_NONE)
    next_text = g_strdup (_("None in the next year"));
  else if (next == today)
    next_text = g_strdup (_("Today"));
  else
    next_text = obeya_format_day_long (next);
  adw_action_row_set_subtitle (self->next_row, next_text);
}

static void
refresh (ObeyaRecurrenceEditor *self)
{
  GListModel *columns;
  ObeyaColumn *column;
  guint selected = 0;

  if (self->recurrence == NULL)
    return;
  if (!is_alive (self))
    {
      close_subpage (self);
      return;
    }

  self->updating++;

  obeya_sync_editable (GTK_EDITABLE (self->title_row), &self->shown_title,
                       obeya_recurrence_get_title (self->recurrence));
  adw_window_title_set_title (self->window_title, obeya_recurrence_get_title (self->recurrence));
  obeya_sync_editable (GTK_EDITABLE (self->description_row), &self->shown_description,
                       obeya_recurrence_get_description (self->recurrence));
  {
    const char * const *items = obeya_recurrence_get_checklist (self->recurrence);
    g_autofree char *text = items ? g_strjoinv ("\n", (char **) items) : g_strdup ("");

    if (g_strcmp0 (text, self->shown_checklist) != 0)
      {
        g_autofree char *current = dup_checklist_text (self);

        obeya_set_str (&self->shown_checklist, text);
        if (g_strcmp0 (current, text) != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->checklist_view), text, -1);
      }
  }

  /* The first entry of the column list is "the board's first column". */
  columns = obeya_board_get_columns (self->board);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) names = NULL;

    g_strv_builder_add (builder, _("First column"));
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(ObeyaColumn) c = g_list_model_get_item (columns, i);

        g_strv_builder_add (builder, obeya_column_get_name (c));
      }
    names = g_strv_builder_end (builder);
    obeya_string_list_set_strings (self->columns, (const char * const *) names);
  }
  column = obeya_board_find_column (self->board, obeya_recurrence_get_column (self->recurrence));
  if (column != NULL)
    selected = obeya_model_find (columns, column) + 1;
  adw_combo_row_set_selected (self->column_row, selected);

  obeya_check_rows_sync (self->assignees_row, NULL, self->person_rows,
                         obeya_workspace_get_people (self->workspace),
                         obeya_recurrence_get_assignees (self->recurrence), _("Nobody"),
                         G_CALLBACK (person_toggled_cb), self);
  obeya_check_rows_sync (self->tags_row, NULL, self->tag_rows,
                         obeya_workspace_get_tags (self->workspace),
                         obeya_recurrence_get_tags (self->recurrence), _("None"),
                         G_CALLBACK (tag_toggled_cb), self);

  refresh_schedule (self);
  self->updating--;
}

static void
workspace_changed_cb (ObeyaRecurrenceEditor *self)
{
  refresh (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
obeya_recurrence_editor_dispose (GObject *object)
{
  ObeyaRecurrenceEditor *self = OBEYA_RECURRENCE_EDITOR (object);

  /* Nothing acts on the model while the widgets are torn down (a focused
   * entry losing focus would commit). */
  self->updating++;

  g_clear_signal_handler (&self->changed_id, self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_RECURRENCE_EDITOR);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_object (&self->columns);
  g_clear_object (&self->recurrence);
  g_clear_object (&self->board);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_recurrence_editor_parent_class)->dispose (object);
}

static void
obeya_recurrence_editor_finalize (GObject *object)
{
  ObeyaRecurrenceEditor *self = OBEYA_RECURRENCE_EDITOR (object);

  g_clear_pointer (&self->shown_title, g_free);
  g_clear_pointer (&self->shown_description, g_free);
  g_clear_pointer (&self->shown_checklist, g_free);

  G_OBJECT_CLASS (obeya_recurrence_editor_parent_class)->finalize (object);
}

static void
obeya_recurrence_editor_class_init (ObeyaRecurrenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_recurrence_editor_dispose;
  object_class->finalize = obeya_recurrence_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-recurrence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, column_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, assignees_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, weekdays_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, day_spin);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, nth_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, nth_spin);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, paused_switch);
  gtk_widget_class_bind_template_child (widget_class, ObeyaRecurrenceEditor, next_row);
  gtk_widget_class_bind_template_callback (widget_class, commit_title);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, commit_description);
  gtk_widget_class_bind_template_callback (widget_class, column_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, nth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paused_changed_cb);

  /**
   * ObeyaRecurrenceEditor|recurrence.back:
   *
   * Commits what is typed and goes back to the board settings.
   */
  gtk_widget_class_install_action (widget_class, "recurrence.back", NULL, back_action);
  /**
   * ObeyaRecurrenceEditor|recurrence.remove:
   *
   * Asks, then removes the recurring card from the board (undoable).
   */
  gtk_widget_class_install_action (widget_class, "recurrence.remove", NULL, remove_action);
}

static void
obeya_recurrence_editor_init (ObeyaRecurrenceEditor *self)
{
  GtkExpression *expression;
  GtkWidget *focused[] = { NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_rows = g_ptr_array_new ();
  self->tag_rows = g_ptr_array_new ();
  self->columns = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->column_row, expression);
  adw_combo_row_set_expression (self->kind_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->column_row, G_LIST_MODEL (self->columns));

  for (guint i = 0; i < 7; i++)
    {
      /* 2024-01-01 was a Monday. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2024, 1, 1 + i, 12, 0, 0);
      g_autofree char *abbreviation = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");

      self->weekdays[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (abbreviation));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weekdays[i]), name);
      g_signal_connect (self->weekdays[i], "toggled", G_CALLBACK (weekday_toggled_cb), self);
      gtk_box_append (self->weekdays_box, GTK_WIDGET (self->weekdays[i]));
    }

  focused[0] = GTK_WIDGET (self->title_row);
  focused[1] = GTK_WIDGET (self->description_row);
  focused[2] = GTK_WIDGET (self->checklist_view);
  for (guint i = 0; i < G_N_ELEMENTS (focused); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (focused[i], focus);
    }
}

GtkWidget *
obeya_recurrence_editor_new (ObeyaRecurrence *recurrence,
                             ObeyaBoard      *board)
{
  ObeyaRecurrenceEditor *self;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (OBEYA_IS_RECURRENCE (recurrence), NULL);
  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);
  workspace = obeya_board_get_workspace (board);
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_RECURRENCE_EDITOR, NULL);
  self->recurrence = g_object_ref (recurrence);
  self->board = g_object_ref (board);
  self->workspace = g_object_ref (workspace);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (workspace_changed_cb), self);
  refresh (self);
  return GTK_WIDGET (self);
}

ObeyaRecurrence *
obeya_recurrence_editor_get_recurrence (ObeyaRecurrenceEditor *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE_EDITOR (self), NULL);
  return self->recurrence;
}

void
obeya_recurrence_editor_commit (ObeyaRecurrenceEditor *self)
{
  g_return_if_fail (OBEYA_IS_RECURRENCE_EDITOR (self));

  commit_title (self);
  commit_description (self);
  commit_checklist (self);
}
