/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-dialog-util.h"
#include "obeya-fives-util.h"
#include "obeya-person.h"
#include "obeya-raise-action-dialog.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

#define DEFAULT_DUE_DAYS 7

struct _ObeyaRaiseActionDialog
{
  AdwWindow       parent_instance;

  ObeyaAudit     *audit;
  ObeyaAuditItem *item;
  ObeyaWorkspace *workspace;
  GPtrArray      *boards;   /* the boards offered, in the order shown */
  ObeyaDay        due;

  /* template */
  AdwActionRow   *finding_row;
  AdwEntryRow    *title_row;
  GtkTextView    *description_view;
  AdwComboRow    *board_row;
  GtkStringList  *board_names;
  AdwComboRow    *owner_row;
  GtkStringList  *owner_names;
  AdwActionRow   *due_row;
  GtkMenuButton  *due_button;
  GtkPopover     *due_popover;
  GtkCalendar    *due_calendar;
};

G_DEFINE_FINAL_TYPE (ObeyaRaiseActionDialog, obeya_raise_action_dialog, ADW_TYPE_WINDOW)

static void
update_confirm (ObeyaRaiseActionDialog *self)
{
  g_autofree char *title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "raise.confirm",
                                 title[0] != '\0' && self->boards->len > 0);
}

static void
title_changed_cb (ObeyaRaiseActionDialog *self)
{
  update_confirm (self);
}

static void
show_due (ObeyaRaiseActionDialog *self)
{
  g_autofree char *day = obeya_format_day_long (self->due);
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  gtk_menu_button_set_label (self->due_button, day);
  obeya_day_to_ymd (self->due, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (self->due_calendar, dt);
}

static void
due_selected_cb (ObeyaRaiseActionDialog *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->due_calendar);
  ObeyaDay day = obeya_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                     g_date_time_get_day_of_month (dt));

  if (day == self->due)
    return;
  self->due = day;
  show_due (self);
  gtk_popover_popdown (self->due_popover);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  obeya_raise_action_dialog_raise (OBEYA_RAISE_ACTION_DIALOG (widget));
}

/* ---- choices ------------------------------------------------------------------------ */

static void
fill_boards (ObeyaRaiseActionDialog *self)
{
  GListModel *boards = obeya_workspace_get_boards (self->workspace);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);

      if (obeya_board_get_archived (board))
        continue;
      g_ptr_array_add (self->boards, g_object_ref (board));
      g_strv_builder_add (names, obeya_board_get_name (board));
    }
  strv = g_strv_builder_end (names);
  obeya_string_list_set_strings (self->board_names, (const char * const *) strv);
  if (self->boards->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->board_row),
                                 _("There is no board to put the card on: create one first"));
}

static ObeyaBoard *
suggest_board (ObeyaRaiseActionDialog *self)
{
  g_autoptr(GArray) actions = obeya_audit_list_actions (self->audit);
  ObeyaWindow *window = obeya_fives_get_main_window (GTK_WIDGET (self));
  ObeyaBoard *board;

  /* Where this audit's actions already went. */
  for (guint i = actions->len; i > 0; i--)
    {
      ObeyaCard *card = g_array_index (actions, ObeyaAuditAction, i - 1).card;

      board = card ? obeya_card_get_board (card) : NULL;
      if (board != NULL && g_ptr_array_find (self->boards, board, NULL))
        return board;
    }
  /* The board the window shows. */
  board = window ? obeya_window_get_board (window) : NULL;
  if (board != NULL && g_ptr_array_find (self->boards, board, NULL))
    return board;
  /* The first team board, else the first board. */
  for (guint i = 0; i < self->boards->len; i++)
    if (obeya_board_get_kind (self->boards->pdata[i]) == OBEYA_BOARD_TEAM)
      return self->boards->pdata[i];
  return self->boards->len > 0 ? self->boards->pdata[0] : NULL;
}

static void
fill_owners (ObeyaRaiseActionDialog *self)
{
  GListModel *people = obeya_workspace_get_people (self->workspace);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_strv_builder_add (names, _("Nobody"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      g_strv_builder_add (names, obeya_person_get_name (person));
    }
  strv = g_strv_builder_end (names);
  obeya_string_list_set_strings (self->owner_names, (const char * const *) strv);
}

/* ---- public ----------------------------------------------------------------------- */

void
obeya_raise_action_dialog_set_board (ObeyaRaiseActionDialog *self,
                                     ObeyaBoard             *board)
{
  guint index;

  g_return_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self));

  if (board != NULL && g_ptr_array_find (self->boards, board, &index))
    adw_combo_row_set_selected (self->board_row, index);
}

ObeyaBoard *
obeya_raise_action_dialog_get_board (ObeyaRaiseActionDialog *self)
{
  guint selected;

  g_return_val_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->board_row);
  return selected < self->boards->len ? self->boards->pdata[selected] : NULL;
}

void
obeya_raise_action_dialog_set_due (ObeyaRaiseActionDialog *self,
                                   ObeyaDay                due)
{
  g_return_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self));
  g_return_if_fail (due != OBEYA_DAY_NONE);

  self->due = due;
  show_due (self);
}

ObeyaDay
obeya_raise_action_dialog_get_due (ObeyaRaiseActionDialog *self)
{
  g_return_val_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self), OBEYA_DAY_NONE);

  return self->due;
}

void
obeya_raise_action_dialog_set_owner (ObeyaRaiseActionDialog *self,
                                     const char             *person_id)
{
  GListModel *people;
  guint position = 0;

  g_return_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self));

  people = obeya_workspace_get_people (self->workspace);
  if (person_id != NULL && obeya_find_by_id (people, person_id, &position) != NULL)
    position++;
  else
    position = 0;
  adw_combo_row_set_selected (self->owner_row, position);
}

ObeyaCard *
obeya_raise_action_dialog_raise (ObeyaRaiseActionDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(ObeyaPerson) owner = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  ObeyaBoard *board;
  ObeyaCard *card;
  GtkWindow *parent;
  guint selected;

  g_return_val_if_fail (OBEYA_IS_RAISE_ACTION_DIALOG (self), NULL);

  board = obeya_raise_action_dialog_get_board (self);
  title = obeya_editable_dup_stripped (GTK_EDITABLE (self->title_row));
  if (board == NULL || title[0] == '\0')
    return NULL;

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  selected = adw_combo_row_get_selected (self->owner_row);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    owner = g_list_model_get_item (obeya_workspace_get_people (self->workspace), selected - 1);

  card = obeya_audit_raise_action (self->audit, obeya_entity_get_id (OBEYA_ENTITY (self->item)),
                                   board, title, description[0] ? description : NULL, self->due,
                                   owner ? obeya_entity_get_id (OBEYA_ENTITY (owner)) : NULL);
  if (card == NULL)
    return NULL;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  /* Translators: after raising a 5S action; %s is a board's name */
  message = g_strdup_printf (_("Action raised on “%s”"), obeya_board_get_name (board));
  if (parent != NULL)
    obeya_fives_show_toast (GTK_WIDGET (parent), message, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  return card;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
obeya_raise_action_dialog_dispose (GObject *object)
{
  ObeyaRaiseActionDialog *self = OBEYA_RAISE_ACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_RAISE_ACTION_DIALOG);
  g_clear_pointer (&self->boards, g_ptr_array_unref);
  g_clear_object (&self->audit);
  g_clear_object (&self->item);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (obeya_raise_action_dialog_parent_class)->dispose (object);
}

static void
obeya_raise_action_dialog_class_init (ObeyaRaiseActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_raise_action_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-raise-action-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaRaiseActionDialog, name)
  BIND (finding_row);
  BIND (title_row);
  BIND (description_view);
  BIND (board_row);
  BIND (board_names);
  BIND (owner_row);
  BIND (owner_names);
  BIND (due_row);
  BIND (due_button);
  BIND (due_popover);
  BIND (due_calendar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_selected_cb);

  gtk_widget_class_install_action (widget_class, "raise.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "raise.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "raise.confirm", NULL);
  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_raise_action_dialog_init (ObeyaRaiseActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->boards = g_ptr_array_new_with_free_func (g_object_unref);
}

ObeyaRaiseActionDialog *
obeya_raise_action_dialog_new (GtkWindow      *parent,
                               ObeyaAudit     *audit,
                               ObeyaAuditItem *item)
{
  ObeyaRaiseActionDialog *self;
  const ObeyaAuditEntry *entry;
  g_autofree char *subtitle = NULL;
  g_autofree char *score = NULL;
  ObeyaArea *area;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (item), NULL);
  g_return_val_if_fail (obeya_entity_get_workspace (OBEYA_ENTITY (audit)) != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_RAISE_ACTION_DIALOG, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 560, 640);
  self->audit = g_object_ref (audit);
  self->item = g_object_ref (item);
  self->workspace = g_object_ref (obeya_entity_get_workspace (OBEYA_ENTITY (audit)));
  area = obeya_audit_get_area (audit);

  entry = obeya_audit_get_entry (audit, obeya_entity_get_id (OBEYA_ENTITY (item)));
  score = obeya_fives_format_item_score (entry ? entry->score : OBEYA_SCORE_UNSCORED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->finding_row),
                                 obeya_audit_item_get_question (item));
  /* Translators: where a 5S finding comes from: area, S, then the item's score */
  subtitle = g_strdup_printf (_("%s · %s · scored %s"), obeya_area_get_name (area),
                              obeya_five_s_get_label (obeya_audit_item_get_s (item)), score);
  adw_action_row_set_subtitle (self->finding_row, subtitle);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), obeya_audit_item_get_question (item));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            entry && entry->note ? entry->note : "", -1);

  fill_boards (self);
  obeya_raise_action_dialog_set_board (self, suggest_board (self));
  fill_owners (self);
  obeya_raise_action_dialog_set_owner (self, obeya_area_get_owner (area));
  obeya_raise_action_dialog_set_due (self, obeya_day_today () + DEFAULT_DUE_DAYS);
  update_confirm (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
