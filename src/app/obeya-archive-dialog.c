/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-archive-dialog.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-dialog-util.h"
#include "obeya-workspace.h"

struct _ObeyaArchiveDialog
{
  AdwWindow           parent_instance;

  ObeyaBoard         *board;
  ObeyaWorkspace     *workspace;
  gulong              changed_id;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkFilterListModel *filter_model;
  GtkStringFilter    *filter;
};

G_DEFINE_FINAL_TYPE (ObeyaArchiveDialog, obeya_archive_dialog, ADW_TYPE_WINDOW)

/* ---- rows ----------------------------------------------------------------- */

typedef struct
{
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkWidget *restore;
  GtkWidget *delete;
} Row;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ObeyaArchiveDialog       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  Row *row = g_new0 (Row, 1);

  gtk_widget_add_css_class (box, "obeya-archive-row");

  row->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  row->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->subtitle, 0);
  gtk_label_set_ellipsize (row->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->subtitle));
  gtk_box_append (GTK_BOX (box), labels);

  row->restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (row->restore, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->restore, _("Put the card back on the board"));
  gtk_box_append (GTK_BOX (box), row->restore);

  row->delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (row->delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->delete, _("Delete…"));
  gtk_widget_add_css_class (row->delete, "flat");
  gtk_box_append (GTK_BOX (box), row->delete);

  g_object_set_data_full (G_OBJECT (item), "obeya-row", row, g_free);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ObeyaArchiveDialog       *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "obeya-row");
  ObeyaCard *card = gtk_list_item_get_item (item);
  ObeyaColumn *column = obeya_card_get_column (card);
  GVariant *target = g_variant_new_string (obeya_entity_get_id (OBEYA_ENTITY (card)));
  g_autofree char *when = obeya_format_day (obeya_timestamp_get_day (obeya_card_get_archived_at (card)));
  g_autofree char *subtitle = NULL;

  if (column != NULL)
    /* Translators: "Archived 3 Oct 2026 from Done" */
    subtitle = g_strdup_printf (_("Archived %s from %s"), when, obeya_column_get_name (column));
  else
    /* Translators: "Archived 3 Oct 2026" */
    subtitle = g_strdup_printf (_("Archived %s"), when);

  gtk_label_set_label (row->title, obeya_card_get_title (card));
  gtk_label_set_label (row->subtitle, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->title), obeya_card_get_title (card));
  g_variant_ref_sink (target);
  /* The target first: an action name without its target makes GTK warn. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->restore), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->restore), "archive.restore");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->delete), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->delete), "archive.delete");
  g_variant_unref (target);
}

/* ---- state ---------------------------------------------------------------- */

static void
update_state (ObeyaArchiveDialog *self)
{
  guint total = g_list_model_get_n_items (obeya_board_get_archived_cards (self->board));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  /* Nothing to search: no search entry (but keep one being used). */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->search_entry)),
                          total > 0 || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0');

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u card", "%s · %u cards", total),
                           obeya_board_get_name (self->board), total);
  adw_window_title_set_subtitle (self->window_title, count);
}

static void
search_changed_cb (ObeyaArchiveDialog *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

static void
stop_search_cb (ObeyaArchiveDialog *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
workspace_changed_cb (ObeyaArchiveDialog *self)
{
  const char *id = obeya_entity_get_id (OBEYA_ENTITY (self->board));

  if (obeya_workspace_find_board (self->workspace, id) != self->board)
    obeya_dialog_destroy_later (GTK_WINDOW (self));
  else
    update_state (self);
}

/* ---- actions -------------------------------------------------------------- */

static ObeyaCard *
find_archived (ObeyaArchiveDialog *self,
               GVariant           *parameter)
{
  ObeyaCard *card = obeya_board_find_card (self->board, g_variant_get_string (parameter, NULL));

  return card != NULL && obeya_card_get_archived (card) ? card : NULL;
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaArchiveDialog *self = OBEYA_ARCHIVE_DIALOG (widget);
  ObeyaCard *card = find_archived (self, parameter);
  g_autofree char *message = NULL;

  if (card == NULL || g_list_model_get_n_items (obeya_board_get_columns (self->board)) == 0)
    return;

  obeya_board_restore_card (self->board, card);
  /* Translators: a toast: "“Pay invoice 4711” is back in Done" */
  message = g_strdup_printf (_("“%s” is back in %s"), obeya_card_get_title (card),
                             obeya_column_get_name (obeya_card_get_column (card)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    ObeyaArchiveDialog *self)
{
  ObeyaCard *card = g_object_get_data (G_OBJECT (dialog), "obeya-card");

  if (g_strcmp0 (response, "delete") != 0 || obeya_card_get_board (card) != self->board ||
      obeya_board_find_card (self->board, obeya_entity_get_id (OBEYA_ENTITY (card))) != card)
    return;
  obeya_board_delete_card (self->board, card);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaArchiveDialog *self = OBEYA_ARCHIVE_DIALOG (widget);
  ObeyaCard *card = find_archived (self, parameter);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (card == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), obeya_card_get_title (card));
  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading,
                                     _("The card and its history will be deleted. "
                                       "You can undo this from the board."),
                                     "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "obeya-card", g_object_ref (card), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject -------------------------------------------------------------- */

static void
obeya_archive_dialog_dispose (GObject *object)
{
  ObeyaArchiveDialog *self = OBEYA_ARCHIVE_DIALOG (object);

  g_clear_signal_handler (&self->changed_id, self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_ARCHIVE_DIALOG);
  g_clear_object (&self->board);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_archive_dialog_parent_class)->dispose (object);
}

static void
obeya_archive_dialog_class_init (ObeyaArchiveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_archive_dialog_dispose;

  g_type_ensure (OBEYA_TYPE_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-archive-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ObeyaArchiveDialog, filter);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  /**
   * ObeyaArchiveDialog|archive.restore:
   * @parameter: the card's id
   *
   * Puts an archived card back at the end of its column.
   */
  gtk_widget_class_install_action (widget_class, "archive.restore", "s", restore_action);
  /**
   * ObeyaArchiveDialog|archive.delete:
   * @parameter: the card's id
   *
   * Asks, then deletes an archived card (undoable).
   */
  gtk_widget_class_install_action (widget_class, "archive.delete", "s", delete_action);

  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_archive_dialog_init (ObeyaArchiveDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

ObeyaArchiveDialog *
obeya_archive_dialog_new (GtkWindow  *parent,
                          ObeyaBoard *board)
{
  ObeyaArchiveDialog *self;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);
  workspace = obeya_board_get_workspace (board);
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_ARCHIVE_DIALOG, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 640, 720);
  self->board = g_object_ref (board);
  self->workspace = g_object_ref (workspace);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (workspace_changed_cb), self);
  gtk_filter_list_model_set_model (self->filter_model, obeya_board_get_archived_cards (board));
  update_state (self);
  return self;
}
