/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-column.h"
#include "obeya-dialog-util.h"
#include "obeya-new-board-dialog.h"
#include "obeya-workspace.h"

struct _ObeyaNewBoardDialog
{
  AdwWindow       parent_instance;

  ObeyaWorkspace *workspace;

  /* template children */
  GtkWidget      *create_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwActionRow   *back_office_row;
  AdwActionRow   *personal_row;
  GtkCheckButton *back_office_check;
  GtkCheckButton *personal_check;
  GtkCheckButton *empty_check;

  gboolean        template_chosen;  /* by the user: the kind no longer picks it */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (ObeyaNewBoardDialog, obeya_new_board_dialog, ADW_TYPE_WINDOW)

enum {
  BOARD_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ObeyaBoardTemplate
get_template (ObeyaNewBoardDialog *self)
{
  if (gtk_check_button_get_active (self->personal_check))
    return OBEYA_BOARD_TEMPLATE_PERSONAL;
  if (gtk_check_button_get_active (self->empty_check))
    return OBEYA_BOARD_TEMPLATE_EMPTY;
  return OBEYA_BOARD_TEMPLATE_BACK_OFFICE;
}

static void
name_changed_cb (ObeyaNewBoardDialog *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-board.create", name[0] != '\0');
}

static void
name_activated_cb (ObeyaNewBoardDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-board.create", NULL);
}

static void
kind_selected_cb (ObeyaNewBoardDialog *self)
{
  /* Until the user picks a template, the kind suggests one. */
  if (self->template_chosen)
    return;
  self->updating = TRUE;
  if (adw_combo_row_get_selected (self->kind_row) == OBEYA_BOARD_PERSONAL)
    gtk_check_button_set_active (self->personal_check, TRUE);
  else
    gtk_check_button_set_active (self->back_office_check, TRUE);
  self->updating = FALSE;
}

static void
template_toggled_cb (ObeyaNewBoardDialog *self)
{
  if (!self->updating)
    self->template_chosen = TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaNewBoardDialog *self = OBEYA_NEW_BOARD_DIALOG (widget);
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  ObeyaBoardKind kind = adw_combo_row_get_selected (self->kind_row) == OBEYA_BOARD_PERSONAL
                        ? OBEYA_BOARD_PERSONAL : OBEYA_BOARD_TEAM;
  ObeyaBoard *board;

  if (name[0] == '\0')
    return;

  board = obeya_workspace_add_board (self->workspace, name, kind, get_template (self));
  g_object_ref (self);
  g_signal_emit (self, signals[BOARD_CREATED], 0, board);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/* "Backlog, Ready, In progress, Review, Done": from the template itself. */
static char *
describe_template (ObeyaBoardTemplate template_)
{
  g_autoptr(ObeyaBoard) board = obeya_board_new ("", OBEYA_BOARD_TEAM, template_);
  GListModel *columns = obeya_board_get_columns (board);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, obeya_column_get_name (column));
      if (obeya_column_get_wip_limit (column) > 0)
        /* Translators: a column with its WIP limit in a list of columns, "Doing (limit 3)" */
        g_string_append_printf (text, _(" (limit %u)"), obeya_column_get_wip_limit (column));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
obeya_new_board_dialog_dispose (GObject *object)
{
  ObeyaNewBoardDialog *self = OBEYA_NEW_BOARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_NEW_BOARD_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_new_board_dialog_parent_class)->dispose (object);
}

static void
obeya_new_board_dialog_class_init (ObeyaNewBoardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_new_board_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-new-board-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, back_office_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, personal_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, back_office_check);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, personal_check);
  gtk_widget_class_bind_template_child (widget_class, ObeyaNewBoardDialog, empty_check);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_toggled_cb);

  /**
   * ObeyaNewBoardDialog::board-created:
   * @board: the new board, already in the workspace
   *
   * Emitted when Create made the board (one undoable command), just before
   * the dialog closes, so the window can select the board.
   */
  signals[BOARD_CREATED] =
    g_signal_new ("board-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBEYA_TYPE_BOARD);

  /**
   * ObeyaNewBoardDialog|new-board.create:
   *
   * Creates the board; enabled once it has a name.
   */
  gtk_widget_class_install_action (widget_class, "new-board.create", NULL, create_action);

  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_new_board_dialog_init (ObeyaNewBoardDialog *self)
{
  GtkExpression *expression;
  g_autofree char *back_office = describe_template (OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autofree char *personal = describe_template (OBEYA_BOARD_TEMPLATE_PERSONAL);

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->kind_row, expression);
  gtk_expression_unref (expression);

  adw_action_row_set_subtitle (self->back_office_row, back_office);
  adw_action_row_set_subtitle (self->personal_row, personal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-board.create", FALSE);
  /* Typing right away names the board. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

ObeyaNewBoardDialog *
obeya_new_board_dialog_new (GtkWindow      *parent,
                            ObeyaWorkspace *workspace)
{
  ObeyaNewBoardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_NEW_BOARD_DIALOG, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 560, 520);
  self->workspace = g_object_ref (workspace);
  return self;
}
