/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-results.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card-editor.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-dialog-util.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-link.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag-color-button.h"
#include "obeya-tag.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/*
 * How the editor stays in step with the model
 *
 * Every widget→model handler issues a core command; every model→widget
 * update happens in refresh(), run once at start and again on each
 * ObeyaWorkspace::changed (emitted after every commit, undo and redo,
 * whoever made it). refresh() runs with self->updating raised, and every
 * widget handler returns early while it is, so setting a widget from the
 * model never issues a command, and no command is ever issued while the
 * history is replaying one. Text the user is typing is only replaced when
 * the model's value itself changed (the last value shown is remembered).
 */

struct _ObeyaCardEditor
{
  AdwWindow            parent_instance;

  ObeyaCard           *card;
  ObeyaBoard          *board;
  ObeyaWorkspace      *workspace;
  gulong               changed_id;

  /* template children */
  AdwWindowTitle      *window_title;
  AdwPreferencesPage  *page;
  GtkWidget           *archived_group;
  AdwActionRow        *archived_row;
  AdwEntryRow         *title_row;
  GtkTextView         *description_view;
  AdwComboRow         *column_row;
  AdwComboRow         *lane_row;
  AdwComboRow         *class_row;
  AdwActionRow        *due_row;
  GtkLabel            *due_state_label;
  GtkMenuButton       *due_button;
  GtkPopover          *due_popover;
  GtkCalendar         *due_calendar;
  AdwActionRow        *blocked_row;
  GtkSwitch           *blocked_switch;
  AdwEntryRow         *reason_row;
  AdwExpanderRow      *assignees_row;
  AdwEntryRow         *add_person_row;
  AdwExpanderRow      *tags_row;
  AdwEntryRow         *add_tag_row;
  ObeyaTagColorButton *add_tag_color;
  GtkLabel            *checklist_progress;
  GtkListBox          *checklist_list;
  AdwEntryRow         *add_item_row;
  GtkListBox          *links_list;
  AdwEntryRow         *add_link_row;
  GtkLabel            *created_label;
  GtkLabel            *age_label;
  GtkLabel            *in_column_label;
  AdwExpanderRow      *history_row;
  GtkButton           *archive_button;

  /* rows made from the model (owned by their lists) */
  GPtrArray           *person_rows;
  GPtrArray           *tag_rows;
  GPtrArray           *item_rows;
  GPtrArray           *link_rows;
  GPtrArray           *move_rows;

  GtkStringList       *columns;   /* names of the board's columns, for column_row */
  GtkStringList       *lanes;     /* names of the board's lanes, for lane_row */

  char                *shown_title;
  char                *shown_description;
  char                *shown_reason;
  guint                updating;
  gboolean             block_pending;  /* switched on, waiting for the reason */
};

G_DEFINE_FINAL_TYPE (ObeyaCardEditor, obeya_card_editor, ADW_TYPE_WINDOW)

static void refresh (ObeyaCardEditor *self);

/* ---- helpers ------------------------------------------------------------- */

static ObeyaHistory *
get_history (ObeyaCardEditor *self)
{
  return obeya_workspace_get_history (self->workspace);
}

/* The card is still on its board, and the board still in the workspace. */
static gboolean
card_is_alive (ObeyaCardEditor *self)
{
  const char *id = obeya_entity_get_id (OBEYA_ENTITY (self->card));
  const char *board_id = obeya_entity_get_id (OBEYA_ENTITY (self->board));

  return obeya_card_get_board (self->card) == self->board &&
         obeya_board_find_card (self->board, id) == self->card &&
         obeya_workspace_find_board (self->workspace, board_id) == self->board;
}

/* Widget handlers return early while the model updates the widgets, or once
 * the card is gone. */
static gboolean
can_edit (ObeyaCardEditor *self)
{
  return self->updating == 0 && self->card != NULL && card_is_alive (self);
}

/* ---- title and description ------------------------------------------------ */

static void
commit_title (ObeyaCardEditor *self)
{
  g_autofree char *title = NULL;

  if (!can_edit (self))
    return;

  title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));
  if (title[0] == '\0')
    {
      /* A card needs a title: refuse, and say so on the row. */
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), _("A card needs a title"));
      return;
    }
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Rename card"), "title", title, NULL);
}

static void
title_activated_cb (ObeyaCardEditor *self)
{
  commit_title (self);
}

static void
title_changed_cb (ObeyaCardEditor *self)
{
  g_autofree char *title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));

  if (title[0] != '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), NULL);
    }
}

static char *
dup_description_text (ObeyaCardEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_description (ObeyaCardEditor *self)
{
  g_autofree char *text = NULL;
  const char *current;

  if (!can_edit (self))
    return;

  text = dup_description_text (self);
  current = obeya_card_get_description (self->card);
  if (g_strcmp0 (text, current ? current : "") == 0)
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Edit description"),
                     "description", text[0] != '\0' ? text : NULL, NULL);
}

static void
title_focus_leave_cb (ObeyaCardEditor *self)
{
  commit_title (self);
}

static void
description_focus_leave_cb (ObeyaCardEditor *self)
{
  commit_description (self);
}

static void
refresh_text (ObeyaCardEditor *self)
{
  const char *title = obeya_card_get_title (self->card);
  const char *description = obeya_card_get_description (self->card);

  obeya_sync_editable (GTK_EDITABLE (self->title_row), &self->shown_title, title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, obeya_board_get_name (self->board));
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (description == NULL)
    description = "";
  if (g_strcmp0 (self->shown_description, description) != 0)
    {
      g_autofree char *text = dup_description_text (self);

      obeya_set_str (&self->shown_description, description);
      if (g_strcmp0 (text, description) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                  description, -1);
    }
}

/* ---- column, lane, class of service ----------------------------------------- */

static void
column_selected_cb (ObeyaCardEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->column_row);
  g_autoptr(ObeyaColumn) column = NULL;

  if (!can_edit (self) || obeya_card_get_archived (self->card))
    return;

  column = g_list_model_get_item (obeya_board_get_columns (self->board), selected);
  if (column != NULL && column != obeya_card_get_column (self->card))
    obeya_board_move_card (self->board, self->card, column, obeya_card_get_lane (self->card), -1);
}

static void
lane_selected_cb (ObeyaCardEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->lane_row);
  g_autoptr(ObeyaLane) lane = NULL;

  if (!can_edit (self) || obeya_card_get_archived (self->card))
    return;

  lane = g_list_model_get_item (obeya_board_get_lanes (self->board), selected);
  if (lane != NULL && lane != obeya_card_get_lane (self->card))
    obeya_board_move_card (self->board, self->card, obeya_card_get_column (self->card), lane, -1);
}

static void
class_selected_cb (ObeyaCardEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->class_row);

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if ((ObeyaClassOfService) selected == obeya_card_get_class_of_service (self->card))
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Change class of service"),
                     "class-of-service", (ObeyaClassOfService) selected, NULL);
}

static void
refresh_place (ObeyaCardEditor *self)
{
  GListModel *columns = obeya_board_get_columns (self->board);
  GListModel *lanes = obeya_board_get_lanes (self->board);
  gboolean archived = obeya_card_get_archived (self->card);

  obeya_string_list_set_names (self->columns, columns);
  obeya_string_list_set_names (self->lanes, lanes);
  adw_combo_row_set_selected (self->column_row,
                              obeya_model_find (columns, obeya_card_get_column (self->card)));
  adw_combo_row_set_selected (self->lane_row,
                              obeya_model_find (lanes, obeya_card_get_lane (self->card)));
  gtk_widget_set_visible (GTK_WIDGET (self->lane_row), g_list_model_get_n_items (lanes) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->column_row), !archived);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lane_row), !archived);

  adw_combo_row_set_selected (self->class_row, obeya_card_get_class_of_service (self->card));
}

/* ---- due date ------------------------------------------------------------- */

static void
due_day_selected_cb (ObeyaCardEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  char text[OBEYA_DAY_BUF_SIZE];
  ObeyaDay day;

  if (!can_edit (self))
    return;

  date = gtk_calendar_get_date (self->due_calendar);
  day = obeya_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                            g_date_time_get_day_of_month (date));
  gtk_popover_popdown (self->due_popover);
  if (day == obeya_card_get_due (self->card))
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Set due date"),
                     "due", obeya_day_format (day, text), NULL);
}

static void
clear_due_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);

  gtk_popover_popdown (self->due_popover);
  if (!can_edit (self) || obeya_card_get_due (self->card) == OBEYA_DAY_NONE)
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Clear due date"), "due", NULL, NULL);
}

static void
due_today_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);
  ObeyaDay today = obeya_day_today ();
  char text[OBEYA_DAY_BUF_SIZE];

  gtk_popover_popdown (self->due_popover);
  if (!can_edit (self) || obeya_card_get_due (self->card) == today)
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->card), _("Set due date"),
                     "due", obeya_day_format (today, text), NULL);
}

static void
refresh_due (ObeyaCardEditor *self)
{
  ObeyaDay due = obeya_card_get_due (self->card);
  ObeyaDay today = obeya_day_today ();
  gboolean archived = obeya_card_get_archived (self->card);
  gboolean overdue = !archived && obeya_card_is_overdue (self->card, today);
  gboolean soon = !archived && obeya_card_is_due_soon (self->card, today);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) shown = NULL;
  int year, month, mday;

  text = due != OBEYA_DAY_NONE ? obeya_format_day_long (due) : g_strdup (_("None"));
  adw_action_row_set_subtitle (self->due_row, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.clear-due", due != OBEYA_DAY_NONE);

  gtk_widget_set_visible (GTK_WIDGET (self->due_state_label), overdue || soon);
  gtk_label_set_label (self->due_state_label, overdue ? _("Overdue") : soon ? _("Due soon") : "");
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_state_label), "error");
  if (soon)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_state_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_state_label), "warning");

  obeya_day_to_ymd (due != OBEYA_DAY_NONE ? due : today, &year, &month, &mday);
  shown = g_date_time_new_local (year, month, mday, 0, 0, 0);
  gtk_calendar_select_day (self->due_calendar, shown);
}

/* ---- blocked -------------------------------------------------------------- */

static void
commit_block (ObeyaCardEditor *self)
{
  g_autofree char *reason = NULL;

  if (!can_edit (self))
    return;

  reason = obeya_editable_dup_stripped (GTK_EDITABLE (self->reason_row));
  if (self->block_pending)
    {
      self->block_pending = FALSE;
      obeya_card_block (self->card, reason);
    }
  else if (obeya_card_get_blocked (self->card) &&
           g_strcmp0 (reason, obeya_card_get_blocked_reason (self->card)
                              ? obeya_card_get_blocked_reason (self->card) : "") != 0)
    {
      /* A new reason is a new blocked episode (the core keeps each one). */
      obeya_card_block (self->card, reason);
    }
}

static void
blocked_switch_cb (ObeyaCardEditor *self)
{
  gboolean active = gtk_switch_get_active (self->blocked_switch);

  if (!can_edit (self))
    return;

  if (active && !obeya_card_get_blocked (self->card))
    {
      /* Wait for the reason, so one block is one episode with its reason. */
      self->block_pending = TRUE;
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
      self->updating--;
      refresh (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
    }
  else if (!active && self->block_pending)
    {
      self->block_pending = FALSE;
      refresh (self);
    }
  else if (!active && obeya_card_get_blocked (self->card))
    obeya_card_unblock (self->card);
}

static void
reason_activated_cb (ObeyaCardEditor *self)
{
  commit_block (self);
}

static void
reason_focus_leave_cb (ObeyaCardEditor *self)
{
  commit_block (self);
}

static void
refresh_blocked (ObeyaCardEditor *self)
{
  gboolean blocked = obeya_card_get_blocked (self->card);
  gint64 total = obeya_card_get_blocked_seconds (self->card, obeya_timestamp_now ());
  g_autofree char *subtitle = NULL;
  guint n_blocks;

  obeya_card_get_blocks (self->card, &n_blocks);
  if (blocked)
    self->block_pending = FALSE;

  if (blocked)
    {
      g_autofree char *since = obeya_format_timestamp (obeya_card_get_blocked_since (self->card));
      g_autofree char *duration = obeya_format_duration (total);

      if (n_blocks > 1)
        /* Translators: "Since 3 Nov 2026, 09:15 · 2 days blocked in total" */
        subtitle = g_strdup_printf (_("Since %s · %s blocked in total"), since, duration);
      else
        /* Translators: "Since 3 Nov 2026, 09:15 (2 days)" */
        subtitle = g_strdup_printf (_("Since %s (%s)"), since, duration);
    }
  else if (self->block_pending)
    subtitle = g_strdup (_("Type the reason and press Enter"));
  else if (n_blocks > 0)
    {
      g_autofree char *duration = obeya_format_duration (total);

      /* Translators: "Not blocked now · 2 days blocked in total" */
      subtitle = g_strdup_printf (_("Not blocked now · %s blocked in total"), duration);
    }
  else
    subtitle = g_strdup (_("Not blocked"));

  adw_action_row_set_subtitle (self->blocked_row, subtitle);
  gtk_switch_set_active (self->blocked_switch, blocked || self->block_pending);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), blocked || self->block_pending);
  if (blocked)
    obeya_sync_editable (GTK_EDITABLE (self->reason_row), &self->shown_reason,
                   obeya_card_get_blocked_reason (self->card));
  else
    g_clear_pointer (&self->shown_reason, g_free);

  if (blocked)
    gtk_widget_add_css_class (GTK_WIDGET (self->blocked_row), "obeya-blocked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->blocked_row), "obeya-blocked");
}

/* ---- assignees and tags ----------------------------------------------------- */

static void
set_listed (ObeyaCardEditor *self,
            const char      *property,
            const char      *id,
            gboolean         present,
            const char      *label)
{
  g_auto(GStrv) current = NULL;
  g_auto(GStrv) updated = NULL;

  g_object_get (self->card, property, &current, NULL);
  updated = obeya_strv_with ((const char * const *) current, id, present);
  if (!obeya_strv_equal ((const char * const *) current, (const char * const *) updated))
    obeya_entity_edit (OBEYA_ENTITY (self->card), label, property, updated, NULL);
}

static void
person_toggled_cb (GtkCheckButton  *check,
                   ObeyaCardEditor *self)
{
  ObeyaEntity *person = obeya_row_get_object (check);

  if (!can_edit (self))
    return;
  set_listed (self, "assignees", obeya_entity_get_id (person), gtk_check_button_get_active (check),
              gtk_check_button_get_active (check) ? _("Assign person") : _("Unassign person"));
}

static void
tag_toggled_cb (GtkCheckButton  *check,
                ObeyaCardEditor *self)
{
  ObeyaEntity *tag = obeya_row_get_object (check);

  if (!can_edit (self))
    return;
  set_listed (self, "tags", obeya_entity_get_id (tag), gtk_check_button_get_active (check),
              gtk_check_button_get_active (check) ? _("Add tag to card") : _("Remove tag from card"));
}

static void
add_person_activated_cb (ObeyaCardEditor *self)
{
  g_autofree char *name = NULL;
  ObeyaHistory *history;
  ObeyaPerson *person;

  if (!can_edit (self))
    return;

  name = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_person_row));
  if (name[0] == '\0')
    return;

  history = get_history (self);
  obeya_history_begin (history, _("Assign new person"));
  person = obeya_workspace_find_person_by_name (self->workspace, name);
  if (person == NULL)
    person = obeya_workspace_add_person (self->workspace, name);
  set_listed (self, "assignees", obeya_entity_get_id (OBEYA_ENTITY (person)), TRUE,
              _("Assign person"));
  obeya_history_end (history);

  gtk_editable_set_text (GTK_EDITABLE (self->add_person_row), "");
}

static void
add_tag_activated_cb (ObeyaCardEditor *self)
{
  g_autofree char *name = NULL;
  ObeyaHistory *history;
  ObeyaTag *tag;

  if (!can_edit (self))
    return;

  name = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_tag_row));
  if (name[0] == '\0')
    return;

  history = get_history (self);
  obeya_history_begin (history, _("Add new tag"));
  tag = obeya_workspace_find_tag_by_name (self->workspace, name);
  if (tag == NULL)
    tag = obeya_workspace_add_tag (self->workspace, name,
                                   obeya_tag_color_button_get_color (self->add_tag_color));
  set_listed (self, "tags", obeya_entity_get_id (OBEYA_ENTITY (tag)), TRUE, _("Add tag to card"));
  obeya_history_end (history);

  gtk_editable_set_text (GTK_EDITABLE (self->add_tag_row), "");
  obeya_tag_color_button_set_color (self->add_tag_color, obeya_tag_color_suggest (self->workspace));
}

static void
refresh_people_and_tags (ObeyaCardEditor *self)
{
  obeya_check_rows_sync (self->assignees_row, GTK_WIDGET (self->add_person_row), self->person_rows,
                         obeya_workspace_get_people (self->workspace),
                         obeya_card_get_assignees (self->card), _("Nobody"),
                         G_CALLBACK (person_toggled_cb), self);
  obeya_check_rows_sync (self->tags_row, GTK_WIDGET (self->add_tag_row), self->tag_rows,
                         obeya_workspace_get_tags (self->workspace),
                         obeya_card_get_tags (self->card), _("None"),
                         G_CALLBACK (tag_toggled_cb), self);
}

/* ---- checklist ------------------------------------------------------------ */

static void
item_toggled_cb (GtkCheckButton  *check,
                 ObeyaCardEditor *self)
{
  ObeyaChecklistItem *item = obeya_row_get_object (check);
  gboolean done = gtk_check_button_get_active (check);

  if (!can_edit (self) || done == obeya_checklist_item_get_done (item))
    return;
  obeya_entity_edit (OBEYA_ENTITY (item), done ? _("Tick checklist item")
                                              : _("Untick checklist item"),
                     "done", done, NULL);
}

static void
commit_item_text (ObeyaCardEditor *self,
                  AdwEntryRow     *row)
{
  ObeyaChecklistItem *item = obeya_row_get_object (row);
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;

  text = obeya_editable_dup_stripped (GTK_EDITABLE (row));
  if (text[0] == '\0')
    {
      /* An empty line is not an item: show the text it had. */
      gtk_editable_set_text (GTK_EDITABLE (row), obeya_checklist_item_get_text (item));
      return;
    }
  if (g_strcmp0 (text, obeya_checklist_item_get_text (item)) != 0)
    obeya_entity_edit (OBEYA_ENTITY (item), _("Edit checklist item"), "text", text, NULL);
}

static void
item_activated_cb (AdwEntryRow     *row,
                   ObeyaCardEditor *self)
{
  commit_item_text (self, row);
}

static void
item_focus_leave_cb (GtkEventControllerFocus *controller,
                     ObeyaCardEditor         *self)
{
  commit_item_text (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static GMenuModel *
new_item_menu (const char *id,
               gboolean    first,
               gboolean    last)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) remove = NULL;

  if (!first)
    {
      g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);

      g_menu_item_set_action_and_target_value (up, "card.checklist-move-up",
                                               g_variant_new_string (id));
      g_menu_append_item (menu, up);
    }
  if (!last)
    {
      g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);

      g_menu_item_set_action_and_target_value (down, "card.checklist-move-down",
                                               g_variant_new_string (id));
      g_menu_append_item (menu, down);
    }
  remove = g_menu_item_new (_("_Remove"), NULL);
  g_menu_item_set_action_and_target_value (remove, "card.checklist-remove",
                                           g_variant_new_string (id));
  g_menu_append_item (section, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
new_item_row (gpointer object,
              gpointer data)
{
  ObeyaCardEditor *self = data;
  ObeyaChecklistItem *item = object;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  obeya_row_set_object (row, item);
  obeya_row_set_object (check, item);
  g_object_set_data (G_OBJECT (row), "obeya-check", check);
  gtk_widget_add_css_class (row, "obeya-untitled");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  g_signal_connect_object (check, "toggled", G_CALLBACK (item_toggled_cb), self, 0);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  g_object_set_data (G_OBJECT (row), "obeya-menu-button", menu_button);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Item Menu"));
  gtk_widget_add_css_class (menu_button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), menu_button);

  g_signal_connect_object (row, "entry-activated", G_CALLBACK (item_activated_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (item_focus_leave_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
add_item_activated_cb (ObeyaCardEditor *self)
{
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;

  text = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_item_row));
  if (text[0] == '\0')
    return;
  obeya_card_add_checklist_item (self->card, text, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->add_item_row), "");
}

static void
checklist_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);
  guint n = obeya_card_get_checklist_total (self->card);
  guint position;

  if (!can_edit (self) ||
      obeya_find_by_id (obeya_card_get_checklist (self->card), g_variant_get_string (parameter, NULL),
                  &position) == NULL)
    return;

  if (g_str_equal (action_name, "card.checklist-remove"))
    obeya_card_remove_checklist_item (self->card, position);
  else if (g_str_equal (action_name, "card.checklist-move-up") && position > 0)
    obeya_card_move_checklist_item (self->card, position, position - 1);
  else if (g_str_equal (action_name, "card.checklist-move-down") && position + 1 < n)
    obeya_card_move_checklist_item (self->card, position, position + 1);
}

static void
refresh_checklist (ObeyaCardEditor *self)
{
  GListModel *checklist = obeya_card_get_checklist (self->card);
  guint n = g_list_model_get_n_items (checklist);
  g_autofree char *progress = NULL;

  obeya_rows_sync (GTK_WIDGET (self->checklist_list), GTK_WIDGET (self->add_item_row),
                   self->item_rows, checklist, new_item_row, self);

  for (guint i = 0; i < self->item_rows->len; i++)
    {
      GtkWidget *row = self->item_rows->pdata[i];
      ObeyaChecklistItem *item = obeya_row_get_object (row);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "obeya-check");
      char *shown = g_object_steal_data (G_OBJECT (row), "obeya-shown");
      /* The menu offers the moves the item's place allows. */
      guint place = (i == 0 ? 1 : 0) | (i + 1 == n ? 2 : 0);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "obeya-place")) != place + 1)
        {
          g_autoptr(GMenuModel) menu = new_item_menu (obeya_entity_get_id (OBEYA_ENTITY (item)),
                                                      i == 0, i + 1 == n);

          gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (row), "obeya-menu-button"),
                                          menu);
          g_object_set_data (G_OBJECT (row), "obeya-place", GUINT_TO_POINTER (place + 1));
        }

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), obeya_checklist_item_get_done (item));
      obeya_sync_editable (GTK_EDITABLE (row), &shown, obeya_checklist_item_get_text (item));
      g_object_set_data_full (G_OBJECT (row), "obeya-shown", shown, g_free);
      if (obeya_checklist_item_get_done (item))
        gtk_widget_add_css_class (row, "obeya-done");
      else
        gtk_widget_remove_css_class (row, "obeya-done");
    }

  if (n > 0)
    /* Translators: checklist progress, "2 of 5" items done */
    progress = g_strdup_printf (_("%u of %u"), obeya_card_get_checklist_done (self->card), n);
  gtk_label_set_label (self->checklist_progress, progress ? progress : "");
}

/* ---- links ---------------------------------------------------------------- */

static gboolean
link_is_web (ObeyaLink *link)
{
  const char *kind = obeya_link_get_kind (link);

  return g_strcmp0 (kind, "url") == 0 || g_strcmp0 (kind, "web") == 0;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);
  ObeyaLink *link;
  guint position;

  if (!can_edit (self))
    return;
  link = obeya_find_by_id (obeya_card_get_links (self->card), g_variant_get_string (parameter, NULL),
                     &position);
  if (link == NULL)
    return;

  if (g_str_equal (action_name, "card.remove-link"))
    obeya_card_remove_link (self->card, position);
  else if (g_str_equal (action_name, "card.open-link") && link_is_web (link))
    gtk_show_uri (GTK_WINDOW (self), obeya_link_get_target (link), GDK_CURRENT_TIME);
}

/* A card raised from a 5S audit opens that audit's results. */
static void
open_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);
  ObeyaLink *link = obeya_find_by_id (obeya_card_get_links (self->card),
                                      g_variant_get_string (parameter, NULL), NULL);
  ObeyaAudit *audit = link ? obeya_audits_find_audit (obeya_workspace_get_audits (self->workspace),
                                                      obeya_link_get_target (link))
                           : NULL;

  if (audit != NULL)
    gtk_window_present (GTK_WINDOW (obeya_audit_results_new (GTK_WINDOW (self), audit)));
}

static void
add_link_activated_cb (ObeyaCardEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;

  if (!can_edit (self))
    return;

  text = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_link_row));
  if (text[0] == '\0')
    return;

  /* "intranet/ap" means a web address too. */
  uri = g_uri_peek_scheme (text) != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  if (!g_uri_is_valid (uri, G_URI_FLAGS_PARSE_RELAXED, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_link_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_link_row), "error");
  obeya_card_add_link (self->card, "url", uri, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_link_row), "");
}

/* Title, subtitle and icon of a link as the user should read it. */
static void
describe_link (ObeyaCardEditor  *self,
               ObeyaLink        *link,
               char            **title,
               char            **subtitle,
               const char      **icon)
{
  const char *kind = obeya_link_get_kind (link);
  const char *target = obeya_link_get_target (link);
  const char *label = obeya_link_get_label (link);

  if (link_is_web (link))
    {
      *icon = "insert-link-symbolic";
      *title = g_strdup (label ? label : target);
      *subtitle = g_strdup (label ? target : _("Web address"));
    }
  else if (g_strcmp0 (kind, "recurrence") == 0)
    {
      GListModel *recurrences = obeya_board_get_recurrences (self->board);
      const char *name = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (recurrences) && name == NULL; i++)
        {
          g_autoptr(ObeyaRecurrence) recurrence = g_list_model_get_item (recurrences, i);

          if (g_strcmp0 (obeya_entity_get_id (OBEYA_ENTITY (recurrence)), target) == 0)
            name = obeya_recurrence_get_title (recurrence);
        }
      *icon = "view-refresh-symbolic";
      *title = g_strdup (label ? label : name ? name : _("Recurring work (removed)"));
      *subtitle = g_strdup (_("Created by recurring standard work"));
    }
  else if (g_strcmp0 (kind, "audit") == 0)
    {
      ObeyaAudit *audit = obeya_audits_find_audit (obeya_workspace_get_audits (self->workspace),
                                                   target);
      ObeyaAuditItem *item = audit && label ? obeya_audit_template_find_item (
                                                obeya_audit_get_template (audit), label)
                                            : NULL;

      *icon = "checkbox-checked-symbolic";
      if (audit != NULL)
        {
          g_autofree char *day = obeya_format_day (obeya_audit_get_date (audit));

          /* Translators: a card's link to the 5S audit it came from: area, then date */
          *title = g_strdup_printf (_("5S audit of %s, %s"),
                                    obeya_area_get_name (obeya_audit_get_area (audit)), day);
          *subtitle = item ? g_strdup (obeya_audit_item_get_question (item))
                           : g_strdup (_("Corrective action from a 5S audit"));
        }
      else
        {
          *title = g_strdup (_("5S audit (deleted)"));
          *subtitle = g_strdup (_("Corrective action from a 5S audit"));
        }
    }
  else if (g_strcmp0 (kind, "metric") == 0)
    {
      *icon = "dialog-warning-symbolic";
      *title = g_strdup (label ? label : _("Missed target"));
      *subtitle = g_strdup (_("Action from a huddle metric"));
    }
  else if (g_strcmp0 (kind, "card") == 0)
    {
      ObeyaCard *other = obeya_workspace_find_card (self->workspace, target);

      *icon = "view-paged-symbolic";
      *title = g_strdup (label ? label : other ? obeya_card_get_title (other) : _("Card (deleted)"));
      *subtitle = g_strdup (_("Related card"));
    }
  else
    {
      *icon = "insert-link-symbolic";
      *title = g_strdup (label ? label : target);
      *subtitle = g_strdup (kind);
    }
}

static GtkWidget *
new_link_row (gpointer item,
              gpointer data)
{
  ObeyaCardEditor *self = data;
  ObeyaLink *link = item;
  GtkWidget *row = adw_action_row_new ();
  const char *id = obeya_entity_get_id (OBEYA_ENTITY (link));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon = NULL;
  GtkWidget *button;

  obeya_row_set_object (row, link);
  describe_link (self, link, &title, &subtitle, &icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  if (g_strcmp0 (obeya_link_get_kind (link), "audit") == 0 &&
      obeya_audits_find_audit (obeya_workspace_get_audits (self->workspace),
                               obeya_link_get_target (link)) != NULL)
    {
      button = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the Audit"));
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.open-audit");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  if (link_is_web (link))
    {
      button = gtk_button_new_from_icon_name ("web-browser-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open in Browser"));
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.open-link");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.remove-link");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
refresh_links (ObeyaCardEditor *self)
{
  GListModel *links = obeya_card_get_links (self->card);

  obeya_rows_sync (GTK_WIDGET (self->links_list), GTK_WIDGET (self->add_link_row),
                   self->link_rows, links, new_link_row, self);
}

/* ---- flow facts and move history ---------------------------------------------- */

static char *
days_text (guint days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
}

static char *
place_name (ObeyaCardEditor *self,
            const ObeyaMove *move)
{
  ObeyaColumn *column = obeya_board_lookup_column (self->board, move->column_id);
  const char *column_name = column ? obeya_column_get_name (column) : _("Deleted column");
  ObeyaLane *lane;

  if (move->lane_id == NULL)
    return g_strdup (column_name);
  lane = obeya_board_find_lane (self->board, move->lane_id);
  /* Translators: a place on a board, "Column · Swimlane" */
  return g_strdup_printf (_("%s · %s"), column_name,
                          lane ? obeya_lane_get_name (lane) : _("Deleted swimlane"));
}

static void
refresh_flow (ObeyaCardEditor *self)
{
  ObeyaDay today = obeya_day_today ();
  guint age = obeya_card_get_age_days (self->card, today);
  g_autofree char *created = obeya_format_timestamp (obeya_card_get_created (self->card));
  g_autofree char *age_text = age > 0 ? days_text (age) : g_strdup (_("Not started"));
  g_autofree char *in_column = NULL;
  g_autofree char *n_moves_text = NULL;
  const ObeyaMove *moves;
  guint n_moves;

  if (obeya_card_get_archived (self->card))
    in_column = g_strdup (_("Archived"));
  else
    in_column = days_text (obeya_card_get_days_in_column (self->card, today));

  gtk_label_set_label (self->created_label, created);
  gtk_label_set_label (self->age_label, age_text);
  gtk_label_set_label (self->in_column_label, in_column);

  moves = obeya_card_get_moves (self->card, &n_moves);
  while (self->move_rows->len > n_moves)
    {
      adw_expander_row_remove (self->history_row,
                               self->move_rows->pdata[self->move_rows->len - 1]);
      g_ptr_array_set_size (self->move_rows, self->move_rows->len - 1);
    }
  while (self->move_rows->len < n_moves)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->move_rows, row);
    }
  for (guint i = 0; i < n_moves; i++)
    {
      g_autofree char *place = place_name (self, &moves[i]);
      g_autofree char *when = obeya_format_timestamp (moves[i].time);
      g_autofree char *title = i == 0 ? g_strdup_printf (_("Created in %s"), place)
                                      : g_steal_pointer (&place);

      adw_preferences_row_set_title (self->move_rows->pdata[i], title);
      adw_action_row_set_subtitle (self->move_rows->pdata[i], when);
    }

  n_moves_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u move", "%u moves",
                                               n_moves > 0 ? n_moves - 1 : 0),
                                  n_moves > 0 ? n_moves - 1 : 0);
  adw_expander_row_set_subtitle (self->history_row, n_moves_text);
}

/* ---- archive and delete ---------------------------------------------------------- */

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);

  if (!can_edit (self))
    return;
  if (obeya_card_get_archived (self->card))
    obeya_board_restore_card (self->board, self->card);
  else
    obeya_board_archive_card (self->board, self->card);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObeyaCardEditor  *self)
{
  if (g_strcmp0 (response, "delete") != 0 || !can_edit (self))
    return;
  /* The editor closes itself when it sees the card gone (refresh()). */
  obeya_board_delete_card (self->board, self->card);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (!can_edit (self))
    return;

  body = g_strdup_printf (_("“%s” and its history will be deleted. "
                            "You can undo this from the board."),
                          obeya_card_get_title (self->card));
  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), _("Delete Card?"), body,
                                     "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_archived (ObeyaCardEditor *self)
{
  gboolean archived = obeya_card_get_archived (self->card);

  gtk_button_set_label (self->archive_button, archived ? _("_Restore Card") : _("_Archive Card"));
  gtk_widget_set_visible (self->archived_group, archived);
  if (archived)
    {
      ObeyaColumn *column = obeya_card_get_column (self->card);
      g_autofree char *when = obeya_format_timestamp (obeya_card_get_archived_at (self->card));
      g_autofree char *subtitle = NULL;

      if (column != NULL)
        /* Translators: "On 5 Nov 2026, 10:30, from In progress" */
        subtitle = g_strdup_printf (_("On %s, from %s"), when, obeya_column_get_name (column));
      else
        /* Translators: "On 5 Nov 2026, 10:30" */
        subtitle = g_strdup_printf (_("On %s"), when);
      adw_action_row_set_subtitle (self->archived_row, subtitle);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.archive",
                                 !archived || g_list_model_get_n_items (obeya_board_get_columns (self->board)) > 0);
}

/* ---- model → widgets ---------------------------------------------------------- */


static void
refresh (ObeyaCardEditor *self)
{
  if (self->card == NULL)
    return;

  if (!card_is_alive (self))
    {
      /* Deleted here or elsewhere (its board too): nothing left to edit. */
      obeya_dialog_destroy_later (GTK_WINDOW (self));
      return;
    }

  self->updating++;
  refresh_text (self);
  refresh_place (self);
  refresh_due (self);
  refresh_blocked (self);
  refresh_people_and_tags (self);
  refresh_checklist (self);
  refresh_links (self);
  refresh_flow (self);
  refresh_archived (self);
  self->updating--;
}

static void
workspace_changed_cb (ObeyaCardEditor *self)
{
  refresh (self);
}

static gboolean
obeya_card_editor_close_request (GtkWindow *window)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (window);

  /* What is typed but not yet committed is kept, as one would expect. */
  commit_description (self);
  commit_title (self);
  if (self->block_pending)
    commit_block (self);

  if (GTK_WINDOW_CLASS (obeya_card_editor_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (obeya_card_editor_parent_class)->close_request (window);
  return FALSE;
}

/* Opening a card is mostly reading it: do not start with the title
 * selected for overwriting (GtkWindow focuses the first entry otherwise). */
static void
obeya_card_editor_show (GtkWidget *widget)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (widget);

  GTK_WIDGET_CLASS (obeya_card_editor_parent_class)->show (widget);
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, 0);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
obeya_card_editor_dispose (GObject *object)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (object);

  /* Nothing acts on the model while the widgets are torn down (a focused
   * entry losing focus would commit). */
  self->updating++;

  g_clear_signal_handler (&self->changed_id, self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_CARD_EDITOR);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->move_rows, g_ptr_array_unref);
  g_clear_object (&self->columns);
  g_clear_object (&self->lanes);
  g_clear_object (&self->card);
  g_clear_object (&self->board);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_card_editor_parent_class)->dispose (object);
}

static void
obeya_card_editor_finalize (GObject *object)
{
  ObeyaCardEditor *self = OBEYA_CARD_EDITOR (object);

  g_clear_pointer (&self->shown_title, g_free);
  g_clear_pointer (&self->shown_description, g_free);
  g_clear_pointer (&self->shown_reason, g_free);

  G_OBJECT_CLASS (obeya_card_editor_parent_class)->finalize (object);
}

static void
obeya_card_editor_class_init (ObeyaCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_card_editor_dispose;
  object_class->finalize = obeya_card_editor_finalize;
  window_class->close_request = obeya_card_editor_close_request;
  widget_class->show = obeya_card_editor_show;

  g_type_ensure (OBEYA_TYPE_TAG_COLOR_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-card-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, page);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, archived_group);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, archived_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, column_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, lane_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, class_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, due_state_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, blocked_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, blocked_switch);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, assignees_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, add_person_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, add_tag_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, add_tag_color);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, checklist_progress);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, add_item_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, add_link_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, created_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, age_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, in_column_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, history_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardEditor, archive_button);
  gtk_widget_class_bind_template_callback (widget_class, title_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, lane_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, blocked_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_tag_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_link_activated_cb);

  /**
   * ObeyaCardEditor|card.archive:
   *
   * Archives the card, or restores it when it is archived.
   */
  gtk_widget_class_install_action (widget_class, "card.archive", NULL, archive_action);
  /**
   * ObeyaCardEditor|card.delete:
   *
   * Asks, then deletes the card (undoable from the board) and closes.
   */
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "card.clear-due", NULL, clear_due_action);
  gtk_widget_class_install_action (widget_class, "card.due-today", NULL, due_today_action);
  /* Checklist and link actions take the item's or link's id. */
  gtk_widget_class_install_action (widget_class, "card.checklist-move-up", "s", checklist_action);
  gtk_widget_class_install_action (widget_class, "card.checklist-move-down", "s", checklist_action);
  gtk_widget_class_install_action (widget_class, "card.checklist-remove", "s", checklist_action);
  gtk_widget_class_install_action (widget_class, "card.open-link", "s", link_action);
  gtk_widget_class_install_action (widget_class, "card.remove-link", "s", link_action);
  gtk_widget_class_install_action (widget_class, "card.open-audit", "s", open_audit_action);

  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_card_editor_init (ObeyaCardEditor *self)
{
  GtkEventController *focus;
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_rows = g_ptr_array_new ();
  self->tag_rows = g_ptr_array_new ();
  self->item_rows = g_ptr_array_new ();
  self->link_rows = g_ptr_array_new ();
  self->move_rows = g_ptr_array_new ();

  self->columns = gtk_string_list_new (NULL);
  self->lanes = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->column_row, expression);
  adw_combo_row_set_expression (self->lane_row, expression);
  adw_combo_row_set_expression (self->class_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->column_row, G_LIST_MODEL (self->columns));
  adw_combo_row_set_model (self->lane_row, G_LIST_MODEL (self->lanes));
  for (int klass = OBEYA_CLASS_STANDARD; klass <= OBEYA_CLASS_INTANGIBLE; klass++)
    gtk_string_list_append (classes, obeya_class_of_service_get_label (klass));
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (classes));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (title_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (description_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (reason_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->reason_row), focus);
}

ObeyaCardEditor *
obeya_card_editor_new (GtkWindow *parent,
                       ObeyaCard *card)
{
  ObeyaCardEditor *self;
  ObeyaBoard *board;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBEYA_IS_CARD (card), NULL);
  board = obeya_card_get_board (card);
  g_return_val_if_fail (board != NULL, NULL);
  workspace = obeya_board_get_workspace (board);
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_CARD_EDITOR, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 680, 900);

  self->card = g_object_ref (card);
  self->board = g_object_ref (board);
  self->workspace = g_object_ref (workspace);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (workspace_changed_cb), self);
  obeya_tag_color_button_set_color (self->add_tag_color, obeya_tag_color_suggest (workspace));

  refresh (self);
  return self;
}

void
obeya_card_editor_present_card (GtkWindow      *parent,
                                ObeyaWorkspace *workspace,
                                const char     *card_id)
{
  ObeyaCard *card;

  g_return_if_fail (OBEYA_IS_WORKSPACE (workspace));

  card = card_id ? obeya_workspace_find_card (workspace, card_id) : NULL;
  if (card != NULL && obeya_card_get_board (card) != NULL)
    gtk_window_present (GTK_WINDOW (obeya_card_editor_new (parent, card)));
}

ObeyaCard *
obeya_card_editor_get_card (ObeyaCardEditor *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_EDITOR (self), NULL);
  return self->card;
}
