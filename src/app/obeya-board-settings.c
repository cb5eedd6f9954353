/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board-settings.h"
#include "obeya-board.h"
#include "obeya-column.h"
#include "obeya-dialog-util.h"
#include "obeya-lane.h"
#include "obeya-recurrence-editor.h"
#include "obeya-recurrence.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* Model → widgets in refresh() only, on every ObeyaWorkspace::changed, with
 * self->updating raised so that no widget handler issues a command then (as
 * in the card editor). Column and lane rows are rebuilt only when the list
 * of columns or lanes changed, and keep their expanded state. */

struct _ObeyaBoardSettings
{
  AdwPreferencesWindow  parent_instance;

  ObeyaBoard           *board;
  ObeyaWorkspace       *workspace;
  gulong                changed_id;

  /* template children */
  AdwEntryRow          *name_row;
  AdwComboRow          *kind_row;
  GtkSwitch            *blocked_wip_switch;
  AdwActionRow         *archive_row;
  GtkButton            *archive_button;
  GtkListBox           *columns_list;
  AdwPreferencesGroup  *lanes_group;
  GtkListBox           *lanes_list;
  GtkListBox           *recurring_list;

  GPtrArray            *column_rows;
  GPtrArray            *lane_rows;
  GPtrArray            *recurrence_rows;
  GtkWidget            *subpage;       /* ObeyaRecurrenceEditor, weak */
  char                 *shown_name;
  guint                 updating;
};

G_DEFINE_FINAL_TYPE (ObeyaBoardSettings, obeya_board_settings, ADW_TYPE_PREFERENCES_WINDOW)

/* The widgets of one column or swimlane row. */
typedef struct
{
  ObeyaBoardSettings *self;
  ObeyaEntity    *entity;    /* the row keeps it alive */
  AdwExpanderRow *row;
  AdwEntryRow    *name;
  AdwComboRow    *role;      /* columns only */
  GtkSpinButton  *wip;
  GtkWidget      *up;
  GtkWidget      *down;
  char           *shown_name;
  gboolean        role_wanted;
} PlaceRow;

static void
place_row_free (gpointer data)
{
  PlaceRow *place = data;

  g_free (place->shown_name);
  g_free (place);
}

static void refresh (ObeyaBoardSettings *self);

static gboolean
board_is_alive (ObeyaBoardSettings *self)
{
  return obeya_workspace_find_board (self->workspace,
                                     obeya_entity_get_id (OBEYA_ENTITY (self->board))) == self->board;
}

static gboolean
can_edit (ObeyaBoardSettings *self)
{
  return self->updating == 0 && self->board != NULL && board_is_alive (self);
}

static guint
count_lane_cards (ObeyaBoard *board,
                  ObeyaLane  *lane)
{
  GListModel *columns = obeya_board_get_columns (board);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      n += g_list_model_get_n_items (obeya_column_get_cell (column, lane));
    }
  return n;
}

static char *
cards_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n), n);
}

/* A message dialog asking for a name (the "add" response is enabled once one
 * is typed). */
static AdwMessageDialog *
new_name_dialog (ObeyaBoardSettings *self,
                 const char         *heading,
                 const char         *body,
                 const char         *placeholder,
                 GtkEntry          **entry_out);

/* ---- general ------------------------------------------------------------- */

static void
commit_name (ObeyaBoardSettings *self)
{
  g_autofree char *name = NULL;

  if (!can_edit (self))
    return;
  name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  if (name[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }
  if (g_strcmp0 (name, obeya_board_get_name (self->board)) != 0)
    obeya_entity_edit (OBEYA_ENTITY (self->board), _("Rename board"), "name", name, NULL);
}

static void
name_changed_cb (ObeyaBoardSettings *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));

  if (name[0] != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
name_focus_leave_cb (ObeyaBoardSettings *self)
{
  commit_name (self);
}

static void
kind_selected_cb (ObeyaBoardSettings *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      (ObeyaBoardKind) selected == obeya_board_get_kind (self->board))
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->board), _("Change board kind"),
                     "kind", (ObeyaBoardKind) selected, NULL);
}

static void
blocked_wip_changed_cb (ObeyaBoardSettings *self)
{
  gboolean active = gtk_switch_get_active (self->blocked_wip_switch);

  if (!can_edit (self) || active == obeya_board_get_blocked_counts_wip (self->board))
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->board),
                     active ? _("Count blocked cards toward WIP")
                            : _("Stop counting blocked cards toward WIP"),
                     "blocked-counts-wip", active, NULL);
}

static void
archive_board_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           ObeyaBoardSettings *self)
{
  if (g_strcmp0 (response, "archive") == 0 && can_edit (self))
    obeya_entity_edit (OBEYA_ENTITY (self->board), _("Archive board"), "archived", TRUE, NULL);
}

static void
archive_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (!can_edit (self))
    return;

  if (obeya_board_get_archived (self->board))
    {
      obeya_entity_edit (OBEYA_ENTITY (self->board), _("Restore board"), "archived", FALSE, NULL);
      return;
    }

  heading = g_strdup_printf (_("Archive “%s”?"), obeya_board_get_name (self->board));
  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading,
                                     _("The board leaves the list of boards and the stand-up; "
                                       "its cards, history and metrics are kept, and you can "
                                       "restore it here. You can also undo this."),
                                     "archive", _("_Archive"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_board_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_board_response_cb (AdwMessageDialog   *dialog,
                          const char         *response,
                          ObeyaBoardSettings *self)
{
  /* refresh() closes the window when it sees the board gone. */
  if (g_strcmp0 (response, "delete") == 0 && can_edit (self))
    obeya_workspace_delete_board (self->workspace, self->board);
}

static void
delete_board_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cards = NULL;

  if (!can_edit (self))
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), obeya_board_get_name (self->board));
  cards = cards_text (obeya_board_get_cards (self->board)->len);
  /* Translators: %s is a number of cards, "412 cards" */
  body = g_strdup_printf (_("The board and its %s, archived ones included, will be deleted. "
                            "You can undo this from the main window."), cards);
  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                     "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_board_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_general (ObeyaBoardSettings *self)
{
  gboolean archived = obeya_board_get_archived (self->board);

  obeya_sync_editable (GTK_EDITABLE (self->name_row), &self->shown_name,
                       obeya_board_get_name (self->board));
  adw_combo_row_set_selected (self->kind_row, obeya_board_get_kind (self->board));
  gtk_switch_set_active (self->blocked_wip_switch, obeya_board_get_blocked_counts_wip (self->board));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->archive_row),
                                 archived ? _("Archived Board") : _("Archive Board"));
  adw_action_row_set_subtitle (self->archive_row,
                               archived ? _("Restore it to bring it back to the list of boards")
                                        : _("Hide it from the list of boards; its cards and "
                                            "history are kept"));
  gtk_button_set_label (self->archive_button, archived ? _("_Restore") : _("_Archive…"));
}

/* ---- column and swimlane rows ------------------------------------------------ */

static PlaceRow *
place_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "obeya-place");
}

static void
commit_place_name (PlaceRow *place)
{
  ObeyaBoardSettings *self = place->self;
  g_autofree char *name = NULL;
  g_autofree char *current = NULL;

  if (!can_edit (self))
    return;
  name = obeya_editable_dup_stripped (GTK_EDITABLE (place->name));
  if (name[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (place->name), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (place->name), "error");
  g_object_get (place->entity, "name", &current, NULL);
  if (g_strcmp0 (name, current) != 0)
    obeya_entity_edit (place->entity,
                       OBEYA_IS_COLUMN (place->entity) ? _("Rename column") : _("Rename swimlane"),
                       "name", name, NULL);
}

static void
place_name_activated_cb (AdwEntryRow *row)
{
  commit_place_name (place_of (row));
}

static void
place_name_leave_cb (GtkEventControllerFocus *controller)
{
  commit_place_name (place_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
place_role_selected_cb (AdwComboRow *combo)
{
  PlaceRow *place = place_of (combo);
  guint selected = adw_combo_row_get_selected (combo);

  if (!can_edit (place->self) || selected == GTK_INVALID_LIST_POSITION ||
      (ObeyaColumnRole) selected == obeya_column_get_role (OBEYA_COLUMN (place->entity)))
    return;
  obeya_entity_edit (place->entity, _("Change flow role"), "role", (ObeyaColumnRole) selected, NULL);
}

static void
place_wip_changed_cb (GtkSpinButton *spin)
{
  PlaceRow *place = place_of (spin);
  guint limit = (guint) gtk_spin_button_get_value_as_int (spin);
  guint current = 0;

  if (!can_edit (place->self))
    return;
  g_object_get (place->entity, "wip-limit", &current, NULL);
  if (limit != current)
    obeya_entity_edit (place->entity, _("Change WIP limit"), "wip-limit", limit, NULL);
}

static GtkWidget *
new_icon_button (const char *icon,
                 const char *tooltip,
                 const char *action,
                 const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* Shows the model's values in a row's content, once it has been made. */
static void
sync_place_content (PlaceRow *place)
{
  g_autofree char *name = NULL;
  guint wip_limit = 0;

  if (place->name == NULL)
    return;
  g_object_get (place->entity, "name", &name, "wip-limit", &wip_limit, NULL);
  obeya_sync_editable (GTK_EDITABLE (place->name), &place->shown_name, name);
  gtk_spin_button_set_value (place->wip, wip_limit);
  if (place->role != NULL)
    adw_combo_row_set_selected (place->role, obeya_column_get_role (OBEYA_COLUMN (place->entity)));
}

/* Fills the row of a column or lane with its name, role, WIP limit and
 * delete button, and shows the model's values in them. */
static void
fill_place_row (PlaceRow *place)
{
  const char *id = obeya_entity_get_id (place->entity);
  GtkWidget *wip_row, *spin, *delete_row, *delete_box, *delete_button;
  GtkEventController *focus;

  if (place->name != NULL)
    return;

  place->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (place->name), _("Name"));
  g_object_set_data (G_OBJECT (place->name), "obeya-place", place);
  g_signal_connect (place->name, "entry-activated", G_CALLBACK (place_name_activated_cb), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (place_name_leave_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (place->name), focus);
  adw_expander_row_add_row (place->row, GTK_WIDGET (place->name));

  if (place->role_wanted)
    {
      g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      for (int role = OBEYA_COLUMN_ROLE_BACKLOG; role <= OBEYA_COLUMN_ROLE_DONE; role++)
        gtk_string_list_append (roles, obeya_column_role_get_label (role));
      place->role = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (place->role), _("Flow role"));
      adw_combo_row_set_expression (place->role, expression);
      gtk_expression_unref (expression);
      adw_combo_row_set_model (place->role, G_LIST_MODEL (roles));
      g_object_set_data (G_OBJECT (place->role), "obeya-place", place);
      g_signal_connect (place->role, "notify::selected", G_CALLBACK (place_role_selected_cb), NULL);
      adw_expander_row_add_row (place->row, GTK_WIDGET (place->role));
    }

  wip_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wip_row), _("WIP limit"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (wip_row),
                               OBEYA_IS_COLUMN (place->entity) ? _("0 means no limit")
                                         : _("Cards in active columns; 0 means no limit"));
  spin = gtk_spin_button_new_with_range (0, 999, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  place->wip = GTK_SPIN_BUTTON (spin);
  g_object_set_data (G_OBJECT (spin), "obeya-place", place);
  g_signal_connect (spin, "value-changed", G_CALLBACK (place_wip_changed_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (wip_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (wip_row), spin);
  adw_expander_row_add_row (place->row, wip_row);

  delete_button = gtk_button_new_with_mnemonic (OBEYA_IS_COLUMN (place->entity) ? _("_Delete Column…")
                                                          : _("_Delete Swimlane…"));
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), g_variant_new_string (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button),
                                  OBEYA_IS_COLUMN (place->entity) ? "settings.delete-column" : "settings.delete-lane");
  delete_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (delete_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (delete_button, TRUE);
  gtk_widget_add_css_class (delete_box, "obeya-row-buttons");
  gtk_box_append (GTK_BOX (delete_box), delete_button);
  delete_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (delete_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (delete_row), delete_box);
  adw_expander_row_add_row (place->row, delete_row);

  place->self->updating++;
  sync_place_content (place);
  place->self->updating--;
}

static void
place_expanded_cb (AdwExpanderRow *row)
{
  if (adw_expander_row_get_expanded (row))
    fill_place_row (place_of (row));
}

static GtkWidget *
new_place_row (gpointer item,
               gpointer data)
{
  ObeyaBoardSettings *self = data;
  ObeyaEntity *entity = item;
  gboolean is_column = OBEYA_IS_COLUMN (entity);
  const char *id = obeya_entity_get_id (entity);
  PlaceRow *place = g_new0 (PlaceRow, 1);

  place->self = self;
  place->role_wanted = is_column;
  place->entity = entity;
  place->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  obeya_row_set_object (place->row, entity);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (place->row), FALSE);
  g_object_set_data_full (G_OBJECT (place->row), "obeya-place", place, place_row_free);

  /* Columns move left and right, lanes up and down: linked buttons, so that
   * they do not read as a second expander arrow. */
  place->up = new_icon_button (is_column ? "go-previous-symbolic" : "go-up-symbolic",
                               is_column ? _("Move Left") : _("Move Up"),
                               is_column ? "settings.column-left" : "settings.lane-up", id);
  place->down = new_icon_button (is_column ? "go-next-symbolic" : "go-down-symbolic",
                                 is_column ? _("Move Right") : _("Move Down"),
                                 is_column ? "settings.column-right" : "settings.lane-down", id);
  {
    GtkWidget *order = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (order, "linked");
    gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (order), place->up);
    gtk_box_append (GTK_BOX (order), place->down);
    adw_expander_row_add_action (place->row, order);
  }

  /* What is inside is made when first opened: a board's rows open fast. */
  g_signal_connect (place->row, "notify::expanded", G_CALLBACK (place_expanded_cb), NULL);

  return GTK_WIDGET (place->row);
}

static void
sync_place_rows (ObeyaBoardSettings *self,
                 GtkListBox         *list,
                 GPtrArray          *rows,
                 GListModel         *model)
{
  obeya_rows_sync (GTK_WIDGET (list), NULL, rows, model, new_place_row, self);

  for (guint i = 0; i < rows->len; i++)
    {
      PlaceRow *place = place_of (rows->pdata[i]);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *cards = NULL;
      g_autofree char *limit = NULL;
      guint wip_limit = 0;

      g_object_get (place->entity, "name", &name, "wip-limit", &wip_limit, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (place->row), name);
      sync_place_content (place);
      gtk_widget_set_sensitive (place->up, i > 0);
      gtk_widget_set_sensitive (place->down, i + 1 < rows->len);

      if (wip_limit > 0)
        /* Translators: a column's or swimlane's WIP limit, "limit 4" */
        limit = g_strdup_printf (_("limit %u"), wip_limit);
      else
        limit = g_strdup (_("no limit"));
      if (place->role_wanted)
        {
          ObeyaColumn *column = OBEYA_COLUMN (place->entity);

          cards = cards_text (obeya_column_get_n_cards (column));
          /* Translators: "Active · limit 4 · 3 cards" */
          subtitle = g_strdup_printf (_("%s · %s · %s"),
                                      obeya_column_role_get_label (obeya_column_get_role (column)),
                                      limit, cards);
        }
      else
        {
          cards = cards_text (count_lane_cards (self->board, OBEYA_LANE (place->entity)));
          /* Translators: "limit 2 · 5 cards" */
          subtitle = g_strdup_printf (_("%s · %s"), limit, cards);
        }
      adw_expander_row_set_subtitle (place->row, subtitle);
    }
}

static void
refresh_places (ObeyaBoardSettings *self)
{
  GListModel *lanes = obeya_board_get_lanes (self->board);
  guint n_lanes = g_list_model_get_n_items (lanes);

  sync_place_rows (self, self->columns_list, self->column_rows, obeya_board_get_columns (self->board));
  sync_place_rows (self, self->lanes_list, self->lane_rows, lanes);

  gtk_widget_set_visible (GTK_WIDGET (self->lanes_list), n_lanes > 0);
  adw_preferences_group_set_description (self->lanes_group,
                                         n_lanes > 0
                                         ? _("From top to bottom. New cards without a swimlane go "
                                             "to the bottom one.")
                                         : _("This board has no swimlanes. Adding the first one "
                                             "also creates a “Standard” swimlane that holds the "
                                             "cards already on the board."));
}

/* ---- column and swimlane actions -------------------------------------------- */

/* Expands the row of a column or lane just added, to show what can be set. */
static void
open_place_row (GPtrArray *rows,
                gpointer   entity)
{
  for (guint i = 0; i < rows->len; i++)
    if (obeya_row_get_object (rows->pdata[i]) == entity)
      adw_expander_row_set_expanded (rows->pdata[i], TRUE);
}

static AdwMessageDialog *
new_name_dialog (ObeyaBoardSettings *self,
                 const char         *heading,
                 const char         *body,
                 const char         *placeholder,
                 GtkEntry          **entry_out)
{
  AdwMessageDialog *dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                                       "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  *entry_out = GTK_ENTRY (entry);
  return dialog;
}

static void
name_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *name = obeya_editable_dup_stripped (entry);

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static char *
dialog_dup_name (AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  return obeya_editable_dup_stripped (GTK_EDITABLE (entry));
}

static void
add_column_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        ObeyaBoardSettings *self)
{
  g_autofree char *name = dialog_dup_name (dialog);
  ObeyaColumn *done, *column;
  int position = -1;

  if (g_strcmp0 (response, "add") != 0 || name[0] == '\0' || !can_edit (self))
    return;

  /* New work steps go before delivery. */
  done = obeya_board_get_first_column_with_role (self->board, OBEYA_COLUMN_ROLE_DONE);
  if (done != NULL)
    position = obeya_model_find (obeya_board_get_columns (self->board), done);
  column = obeya_board_add_column (self->board, name, OBEYA_COLUMN_ROLE_ACTIVE, position);
  open_place_row (self->column_rows, column);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  AdwMessageDialog *dialog;
  GtkEntry *entry;

  if (!can_edit (self))
    return;
  dialog = new_name_dialog (self, _("Add Column"),
                            _("The new column is active work and goes before the first done "
                              "column; you can change both."),
                            _("Column name"), &entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_column_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_place_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  gboolean columns = g_str_has_prefix (action_name, "settings.column-");
  gboolean earlier = g_str_has_suffix (action_name, "-left") || g_str_has_suffix (action_name, "-up");
  GListModel *model = columns ? obeya_board_get_columns (self->board)
                              : obeya_board_get_lanes (self->board);
  guint position, n = g_list_model_get_n_items (model);
  gpointer entity;

  if (!can_edit (self))
    return;
  entity = obeya_find_by_id (model, g_variant_get_string (parameter, NULL), &position);
  if (entity == NULL || (earlier && position == 0) || (!earlier && position + 1 >= n))
    return;

  if (columns)
    obeya_board_move_column (self->board, entity, earlier ? position - 1 : position + 1);
  else
    obeya_board_move_lane (self->board, entity, earlier ? position - 1 : position + 1);
}

/* A boxed list with one combo row choosing among @model's items but @except. */
static GtkWidget *
new_target_chooser (const char *title,
                    GListModel *model,
                    gpointer    except,
                    GPtrArray  *targets)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      if (item == except)
        continue;
      g_object_get (item, "name", &name, NULL);
      gtk_string_list_append (names, name);
      g_ptr_array_add (targets, g_object_ref (item));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_expression (ADW_COMBO_ROW (combo), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  return list;
}

/* The item chosen in a dialog's target chooser, or NULL. */
static gpointer
dialog_get_target (AdwMessageDialog *dialog)
{
  GPtrArray *targets = g_object_get_data (G_OBJECT (dialog), "obeya-targets");
  AdwComboRow *combo = g_object_get_data (G_OBJECT (dialog), "obeya-combo");
  guint selected;

  if (targets == NULL || combo == NULL)
    return NULL;
  selected = adw_combo_row_get_selected (combo);
  return selected < targets->len ? targets->pdata[selected] : NULL;
}

/* Adds a chooser among @model's items but @except to @dialog. */
static void
dialog_add_target_chooser (AdwMessageDialog *dialog,
                           const char       *title,
                           GListModel       *model,
                           gpointer          except)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *chooser = new_target_chooser (title, model, except, targets);

  adw_message_dialog_set_extra_child (dialog, chooser);
  g_object_set_data (G_OBJECT (dialog), "obeya-combo", gtk_widget_get_first_child (chooser));

  /* Suggest the neighbour: the next column to the right (or lane below),
   * else the one before. */
  {
    guint position = obeya_model_find (model, except);

    if (position != GTK_INVALID_LIST_POSITION && targets->len > 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_first_child (chooser)),
                                  MIN (position, targets->len - 1));
  }
  g_object_set_data_full (G_OBJECT (dialog), "obeya-targets", targets,
                          (GDestroyNotify) g_ptr_array_unref);
}

static void
delete_column_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           ObeyaBoardSettings *self)
{
  ObeyaColumn *column = g_object_get_data (G_OBJECT (dialog), "obeya-column");

  if (!can_edit (self) ||
      obeya_model_find (obeya_board_get_columns (self->board), column) == GTK_INVALID_LIST_POSITION)
    return;

  if (g_strcmp0 (response, "move") == 0)
    {
      ObeyaColumn *target = dialog_get_target (dialog);

      if (target != NULL)
        obeya_board_delete_column (self->board, column, target);
    }
  else if (g_strcmp0 (response, "archive") == 0 || g_strcmp0 (response, "delete") == 0)
    obeya_board_delete_column (self->board, column, NULL);
}

static void
delete_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  GListModel *columns = obeya_board_get_columns (self->board);
  ObeyaColumn *column;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cards = NULL;
  guint n_cards;

  if (!can_edit (self))
    return;
  column = obeya_find_by_id (columns, g_variant_get_string (parameter, NULL), NULL);
  if (column == NULL)
    return;

  n_cards = obeya_column_get_n_cards (column);
  cards = cards_text (n_cards);
  heading = g_strdup_printf (_("Delete Column “%s”?"), obeya_column_get_name (column));
  if (n_cards == 0)
    {
      dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading,
                                         _("The column is empty. The move history of cards that "
                                           "passed through it keeps its name. You can undo this."),
                                         "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (g_list_model_get_n_items (columns) == 1)
    {
      /* Translators: %s is a number of cards, "4 cards" */
      body = g_strdup_printf (_("It is the only column: its %s will be archived. "
                                "You can undo this."), cards);
      dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                         "archive", _("_Archive Cards and Delete"),
                                         ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      /* Translators: "“Review” holds 4 cards. Move them to another column, or archive them. …" */
      body = g_strdup_printf (_("“%s” holds %s. Move them to another column, or archive them. "
                                "You can undo this."),
                              obeya_column_get_name (column), cards);
      dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                         "archive", _("A_rchive Cards"), ADW_RESPONSE_DEFAULT);
      adw_message_dialog_add_response (dialog, "move", _("_Move Cards"));
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
      dialog_add_target_chooser (dialog, _("Move cards to"), columns, column);
    }
  g_object_set_data_full (G_OBJECT (dialog), "obeya-column", g_object_ref (column), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_column_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_lane_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      ObeyaBoardSettings *self)
{
  g_autofree char *name = dialog_dup_name (dialog);
  guint n;
  ObeyaLane *lane;

  if (g_strcmp0 (response, "add") != 0 || name[0] == '\0' || !can_edit (self))
    return;

  /* The first lane goes on top of the "Standard" one the board creates; later
   * ones go above the bottom lane, which receives cards without a lane. */
  n = g_list_model_get_n_items (obeya_board_get_lanes (self->board));
  lane = obeya_board_add_lane (self->board, name, n == 0 ? 0 : (int) n - 1);
  open_place_row (self->lane_rows, lane);
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  AdwMessageDialog *dialog;
  GtkEntry *entry;
  g_autofree char *body = NULL;
  g_autofree char *cards = NULL;

  if (!can_edit (self))
    return;

  if (g_list_model_get_n_items (obeya_board_get_lanes (self->board)) == 0)
    {
      cards = cards_text (obeya_board_get_n_active_cards (self->board));
      /* Translators: %s is a number of cards, "12 cards" */
      body = g_strdup_printf (_("This is the board’s first swimlane: a “Standard” swimlane is "
                                "created below it for the %s already on the board."), cards);
    }
  else
    body = g_strdup (_("The new swimlane goes above the bottom one."));

  dialog = new_name_dialog (self, _("Add Swimlane"), body, _("Swimlane name, like Expedite"),
                            &entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_lane_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_lane_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         ObeyaBoardSettings *self)
{
  ObeyaLane *lane = g_object_get_data (G_OBJECT (dialog), "obeya-lane");

  if (!can_edit (self) ||
      obeya_model_find (obeya_board_get_lanes (self->board), lane) == GTK_INVALID_LIST_POSITION)
    return;

  if (g_strcmp0 (response, "move") == 0)
    {
      ObeyaLane *target = dialog_get_target (dialog);

      if (target != NULL)
        obeya_board_delete_lane (self->board, lane, target);
    }
  else if (g_strcmp0 (response, "delete") == 0)
    obeya_board_delete_lane (self->board, lane, NULL);
}

static void
delete_lane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  GListModel *lanes = obeya_board_get_lanes (self->board);
  ObeyaLane *lane;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cards = NULL;
  guint n_cards;

  if (!can_edit (self))
    return;
  lane = obeya_find_by_id (lanes, g_variant_get_string (parameter, NULL), NULL);
  if (lane == NULL)
    return;

  n_cards = count_lane_cards (self->board, lane);
  cards = cards_text (n_cards);
  heading = g_strdup_printf (_("Delete Swimlane “%s”?"), obeya_lane_get_name (lane));
  if (g_list_model_get_n_items (lanes) == 1)
    {
      /* Translators: %s is a number of cards, "12 cards" */
      body = g_strdup_printf (_("It is the last swimlane: the board goes back to having none, "
                                "and its %s stay in their columns. You can undo this."), cards);
      dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                         "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (n_cards == 0)
    dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading,
                                       _("The swimlane is empty. You can undo this."),
                                       "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  else
    {
      /* Translators: "“Expedite” holds 3 cards. Choose the swimlane they move to. …" */
      body = g_strdup_printf (_("“%s” holds %s. Choose the swimlane they move to; they keep "
                                "their columns. You can undo this."),
                              obeya_lane_get_name (lane), cards);
      dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                         "move", _("_Move Cards"), ADW_RESPONSE_SUGGESTED);
      dialog_add_target_chooser (dialog, _("Move cards to"), lanes, lane);
    }
  g_object_set_data_full (G_OBJECT (dialog), "obeya-lane", g_object_ref (lane), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_lane_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- recurring standard work -------------------------------------------------- */

static void
open_recurrence (ObeyaBoardSettings *self,
                 ObeyaRecurrence    *recurrence)
{
  GtkWidget *editor = obeya_recurrence_editor_new (recurrence, self->board);

  if (self->subpage != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->subpage), (gpointer *) &self->subpage);
  self->subpage = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->subpage);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), editor);
}

static void
edit_recurrence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  ObeyaRecurrence *recurrence;

  if (!can_edit (self))
    return;
  recurrence = obeya_find_by_id (obeya_board_get_recurrences (self->board),
                                 g_variant_get_string (parameter, NULL), NULL);
  if (recurrence != NULL)
    open_recurrence (self, recurrence);
}

static void
add_recurrence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);
  g_autoptr(ObeyaRecurrence) recurrence = NULL;

  if (!can_edit (self))
    return;

  /* Weekly on today's weekday: a concrete start the user adjusts. */
  recurrence = obeya_recurrence_new (_("New recurring card"), OBEYA_RECURRENCE_WEEKLY);
  g_object_set (recurrence, "weekdays", 1u << (obeya_day_get_weekday (obeya_day_today ()) - 1),
                NULL);
  obeya_board_add_recurrence (self->board, recurrence);
  open_recurrence (self, recurrence);
}

static void
recurrence_row_activated_cb (AdwActionRow       *row,
                             ObeyaBoardSettings *self)
{
  ObeyaRecurrence *recurrence = obeya_row_get_object (row);

  gtk_widget_activate_action (GTK_WIDGET (self), "settings.edit-recurrence", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (recurrence)));
}

static GtkWidget *
new_recurrence_row (gpointer item,
                    gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (arrow, "dim-label");
  obeya_row_set_object (row, item);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_signal_connect (row, "activated", G_CALLBACK (recurrence_row_activated_cb), data);
  return row;
}

static void
refresh_recurrences (ObeyaBoardSettings *self)
{
  GListModel *recurrences = obeya_board_get_recurrences (self->board);
  ObeyaDay today = obeya_day_today ();

  obeya_rows_sync (GTK_WIDGET (self->recurring_list), NULL, self->recurrence_rows, recurrences,
                   new_recurrence_row, self);

  for (guint i = 0; i < self->recurrence_rows->len; i++)
    {
      ObeyaRecurrence *recurrence = obeya_row_get_object (self->recurrence_rows->pdata[i]);
      g_autofree char *schedule = obeya_recurrence_describe (recurrence);
      g_autofree char *subtitle = NULL;
      ObeyaDay after = MAX (today - 1, obeya_recurrence_get_last_created (recurrence));
      ObeyaDay next = obeya_recurrence_get_next_occurrence (recurrence, after);

      if (obeya_recurrence_get_paused (recurrence))
        /* Translators: "Every Monday · paused" */
        subtitle = g_strdup_printf (_("%s · paused"), schedule);
      else if (next == today)
        /* Translators: "Every Monday · next today" */
        subtitle = g_strdup_printf (_("%s · next today"), schedule);
      else if (next != OBEYA_DAY_NONE)
        {
          g_autofree char *day = obeya_format_day (next);

          /* Translators: "Every Monday · next 9 Nov 2026" */
          subtitle = g_strdup_printf (_("%s · next %s"), schedule, day);
        }
      else
        subtitle = g_steal_pointer (&schedule);
      adw_preferences_row_set_title (self->recurrence_rows->pdata[i],
                                     obeya_recurrence_get_title (recurrence));
      adw_action_row_set_subtitle (self->recurrence_rows->pdata[i], subtitle);
    }
}

/* ---- model → widgets ---------------------------------------------------------- */

static void
refresh (ObeyaBoardSettings *self)
{
  if (self->board == NULL)
    return;
  if (!board_is_alive (self))
    {
      obeya_dialog_destroy_later (GTK_WINDOW (self));
      return;
    }

  self->updating++;
  refresh_general (self);
  refresh_places (self);
  refresh_recurrences (self);
  self->updating--;
}

static void
workspace_changed_cb (ObeyaBoardSettings *self)
{
  refresh (self);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (widget);

  /* Escape leaves a recurring card's page first, then the window. */
  if (self->subpage != NULL && gtk_widget_get_mapped (self->subpage))
    gtk_widget_activate_action (self->subpage, "recurrence.back", NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
obeya_board_settings_close_request (GtkWindow *window)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (window);

  commit_name (self);
  if (self->subpage != NULL)
    obeya_recurrence_editor_commit (OBEYA_RECURRENCE_EDITOR (self->subpage));
  if (GTK_WINDOW_CLASS (obeya_board_settings_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (obeya_board_settings_parent_class)->close_request (window);
  return FALSE;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
obeya_board_settings_dispose (GObject *object)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (object);

  /* Nothing acts on the model while the widgets are torn down (a focused
   * entry losing focus would commit). */
  self->updating++;

  g_clear_signal_handler (&self->changed_id, self->workspace);
  if (self->subpage != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->subpage), (gpointer *) &self->subpage);
  self->subpage = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_BOARD_SETTINGS);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_ptr_array_unref);
  g_clear_pointer (&self->recurrence_rows, g_ptr_array_unref);
  g_clear_object (&self->board);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_board_settings_parent_class)->dispose (object);
}

static void
obeya_board_settings_finalize (GObject *object)
{
  ObeyaBoardSettings *self = OBEYA_BOARD_SETTINGS (object);

  g_clear_pointer (&self->shown_name, g_free);

  G_OBJECT_CLASS (obeya_board_settings_parent_class)->finalize (object);
}

static void
obeya_board_settings_class_init (ObeyaBoardSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_board_settings_dispose;
  object_class->finalize = obeya_board_settings_finalize;
  window_class->close_request = obeya_board_settings_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-board-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, name_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, blocked_wip_switch);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, archive_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, archive_button);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, columns_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, lanes_group);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, lanes_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardSettings, recurring_list);
  gtk_widget_class_bind_template_callback (widget_class, commit_name);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, blocked_wip_changed_cb);

  /* Actions taking an "s" parameter take the id of the column, swimlane or
   * recurring card. The destructive ones ask first. */
  gtk_widget_class_install_action (widget_class, "settings.archive-board", NULL,
                                   archive_board_action);
  gtk_widget_class_install_action (widget_class, "settings.delete-board", NULL,
                                   delete_board_action);
  gtk_widget_class_install_action (widget_class, "settings.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "settings.column-left", "s", move_place_action);
  gtk_widget_class_install_action (widget_class, "settings.column-right", "s", move_place_action);
  gtk_widget_class_install_action (widget_class, "settings.delete-column", "s",
                                   delete_column_action);
  gtk_widget_class_install_action (widget_class, "settings.add-lane", NULL, add_lane_action);
  gtk_widget_class_install_action (widget_class, "settings.lane-up", "s", move_place_action);
  gtk_widget_class_install_action (widget_class, "settings.lane-down", "s", move_place_action);
  gtk_widget_class_install_action (widget_class, "settings.delete-lane", "s", delete_lane_action);
  gtk_widget_class_install_action (widget_class, "settings.add-recurrence", NULL,
                                   add_recurrence_action);
  gtk_widget_class_install_action (widget_class, "settings.edit-recurrence", "s",
                                   edit_recurrence_action);
  gtk_widget_class_install_action (widget_class, "settings.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "settings.escape", NULL);
}

static void
obeya_board_settings_init (ObeyaBoardSettings *self)
{
  GtkExpression *expression;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->lane_rows = g_ptr_array_new ();
  self->recurrence_rows = g_ptr_array_new ();

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->kind_row, expression);
  gtk_expression_unref (expression);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (name_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), focus);
}

ObeyaBoardSettings *
obeya_board_settings_new (GtkWindow  *parent,
                          ObeyaBoard *board)
{
  ObeyaBoardSettings *self;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);
  workspace = obeya_board_get_workspace (board);
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_BOARD_SETTINGS, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 720, 880);
  self->board = g_object_ref (board);
  self->workspace = g_object_ref (workspace);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (workspace_changed_cb), self);
  refresh (self);
  return self;
}
