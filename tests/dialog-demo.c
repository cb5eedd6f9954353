/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dialog-demo: opens one of the kanban dialogs on a realistic workspace, for
 * looking at it (and taking screenshots with /work/shared/tools/shot or
 * tools/screenshot.sh). Not installed.
 *
 *   dialog-demo DIALOG [PAGE]
 *
 * DIALOG is one of: card, card-blocked, card-archived, archive, archive-empty,
 * settings, recurrence, delete-column, add-lane, people, new-board,
 * shortcuts, delete-card. PAGE (settings only): general, columns, recurring.
 *
 * "Now" is pinned to 2026-11-05 10:30 so every run shows the same ages.
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-archive-dialog.h"
#include "obeya-board-settings.h"
#include "obeya-board.h"
#include "obeya-card-editor.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-new-board-dialog.h"
#include "obeya-people-dialog.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define WORKSPACE_KEY "file:///home/demo/Shared/ap-team.obeya"

static char *dialog_name;
static char *page_name;
static ObeyaWorkspace *workspace;

/* A NULL-terminated list of the ids of the people named @a and @b (either
 * may be NULL); valid until the next call. */
static const char **
person_ids (ObeyaWorkspace *ws,
            const char     *a,
            const char     *b)
{
  static const char *ids[3];
  guint n = 0;

  if (a != NULL)
    ids[n++] = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_find_person_by_name (ws, a)));
  if (b != NULL)
    ids[n++] = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_find_person_by_name (ws, b)));
  ids[n] = NULL;
  return ids;
}

static void
tick (ObeyaCard *card,
      guint      i)
{
  g_autoptr(GObject) item = g_list_model_get_item (obeya_card_get_checklist (card), i);

  g_object_set (item, "done", TRUE, NULL);
}

static void
set_now (int month,
         int day,
         int hour)
{
  char text[64];

  g_snprintf (text, sizeof text, "2026-%02d-%02dT%02d:%02d:00+01:00", month, day, hour,
              (day * 7 + hour * 13) % 60);
  obeya_time_set_fake_now (text);
}

static ObeyaColumn *
column (ObeyaBoard *board,
        guint       i)
{
  ObeyaColumn *c = g_list_model_get_item (obeya_board_get_columns (board), i);

  g_object_unref (c);
  return c;
}

static ObeyaLane *
lane (ObeyaBoard *board,
      guint       i)
{
  ObeyaLane *l = g_list_model_get_item (obeya_board_get_lanes (board), i);

  g_object_unref (l);
  return l;
}

static void
tag_card (ObeyaCard  *card,
          const char *tag_name)
{
  ObeyaWorkspace *ws = obeya_board_get_workspace (obeya_card_get_board (card));
  ObeyaTag *tag = obeya_workspace_find_tag_by_name (ws, tag_name);
  const char *ids[] = { obeya_entity_get_id (OBEYA_ENTITY (tag)), NULL };

  obeya_entity_edit (OBEYA_ENTITY (card), "Tag", "tags", ids, NULL);
}

static ObeyaWorkspace *
build_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  static const char * const people[] = {
    "Ana López", "Kim Park", "Lee Chen", "Maria Rossi", "Omar Haddad", "Sofia Novak", NULL
  };
  static const struct { const char *name, *color; } tags[] = {
    { "Invoice", "blue" }, { "Vendor", "green" }, { "Month-end", "purple" },
    { "Urgent", "red" }, { "5S", "orange" }, { "Payroll", "yellow" },
  };
  static const struct { const char *title; guint col; guint lane; const char *who; const char *tag; } cards[] = {
    { "Vendor statement reconciliation — ACME Office Supplies", 0, 1, NULL, "Vendor" },
    { "Set up new vendor: Nordic Freight AB", 0, 1, "Kim Park", "Vendor" },
    { "Archive 2025 paper invoices", 0, 1, NULL, "5S" },
    { "Duplicate payment check for October", 1, 1, "Lee Chen", NULL },
    { "Update approval matrix after reorganisation", 1, 1, "Maria Rossi", NULL },
    { "Credit note from Globex not received", 2, 0, "Omar Haddad", "Urgent" },
    { "Month-end accruals: utilities", 2, 1, "Ana López", "Month-end" },
    { "Travel expense batch 44", 2, 1, "Sofia Novak", NULL },
    { "Intercompany invoice mismatch (DE ↔ FR)", 3, 1, "Kim Park", "Invoice" },
    { "Payment run Thursday", 4, 1, "Lee Chen", NULL },
    { "Vendor bank detail change — verify by phone", 4, 0, "Maria Rossi", "Urgent" },
  };
  ObeyaBoard *board, *personal;
  ObeyaCard *card;
  ObeyaRecurrence *recurrence;

  set_now (9, 1, 9);
  for (guint i = 0; people[i] != NULL; i++)
    obeya_workspace_add_person (ws, people[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    obeya_workspace_add_tag (ws, tags[i].name, tags[i].color);

  board = obeya_workspace_add_board (ws, "Accounts Payable", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_object_set (column (board, 2), "wip-limit", 4, NULL);
  g_object_set (column (board, 3), "wip-limit", 2, NULL);
  obeya_board_add_lane (board, "Expedite", 0);

  /* Sixty cards that went through the board and were archived. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf (i % 3 == 0 ? "Invoice %u paid — %s"
                                                : i % 3 == 1 ? "Vendor query %u answered (%s)"
                                                : "Expense claim %u approved for %s",
                                                4100 + i * 7, people[i % 6]);

      set_now (9, 1 + i / 3, 9);
      card = obeya_board_add_card (board, column (board, 0), lane (board, 1), -1, title);
      set_now (9, 2 + i / 3, 11);
      obeya_board_move_card (board, card, column (board, 2), lane (board, 1), -1);
      set_now (9, 3 + i / 3, 15);
      obeya_board_move_card (board, card, column (board, 4), lane (board, 1), -1);
      set_now (9, 4 + i / 3, 17);
      obeya_board_archive_card (board, card);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      set_now (10, 12 + i, 8 + i % 6);
      card = obeya_board_add_card (board, column (board, 0), lane (board, cards[i].lane), -1,
                                   cards[i].title);
      if (cards[i].who != NULL)
        obeya_entity_edit (OBEYA_ENTITY (card), "Assign", "assignees",
                           person_ids (ws, cards[i].who, NULL), NULL);
      if (cards[i].tag != NULL)
        tag_card (card, cards[i].tag);
      for (guint c = 1; c <= cards[i].col; c++)
        {
          set_now (10, 14 + i + c * 2 > 31 ? 31 : 14 + i + c * 2, 9 + c);
          obeya_board_move_card (board, card, column (board, c), lane (board, cards[i].lane), -1);
        }
    }

  /* The card the card editor shows: everything filled in. */
  set_now (10, 20, 9);
  card = obeya_board_add_card (board, column (board, 0), lane (board, 1), 0,
                               "Pay invoice 4711 — ACME Office Supplies");
  g_object_set (card,
                "description", "Invoice arrived by e-mail on 19 Oct. Amount 12,480.00 EUR, "
                               "payment terms 30 days net. PO 88123 was partly received: "
                               "check the goods receipt before approving.",
                "assignees", person_ids (ws, "Ana López", "Kim Park"),
                "due", "2026-11-06",
                "class-of-service", OBEYA_CLASS_FIXED_DATE,
                NULL);
  {
    const char *ids[] = {
      obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_find_tag_by_name (ws, "Invoice"))),
      obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_find_tag_by_name (ws, "Vendor"))),
      NULL
    };
    g_object_set (card, "tags", ids, NULL);
  }
  obeya_card_add_checklist_item (card, "Match invoice to PO 88123", -1);
  obeya_card_add_checklist_item (card, "Check goods receipt", -1);
  obeya_card_add_checklist_item (card, "Approval by cost centre owner", -1);
  obeya_card_add_checklist_item (card, "Enter in ERP and schedule payment", -1);
  obeya_card_add_checklist_item (card, "File the scan", -1);
  tick (card, 0);
  tick (card, 1);
  obeya_card_add_link (card, "url", "https://erp.example.com/ap/invoices/4711", "Invoice in the ERP");
  obeya_card_add_link (card, "audit", "a1b2c3", NULL);
  set_now (10, 22, 10);
  obeya_board_move_card (board, card, column (board, 1), lane (board, 1), -1);
  set_now (10, 27, 14);
  obeya_board_move_card (board, card, column (board, 2), lane (board, 1), 0);
  set_now (10, 28, 9);
  obeya_card_block (card, "Waiting for the credit note from ACME");
  set_now (10, 30, 16);
  obeya_card_unblock (card);
  set_now (11, 2, 9);
  obeya_board_move_card (board, card, column (board, 2), lane (board, 0), 0);
  set_now (11, 3, 11);
  obeya_card_block (card, "Cost centre owner on holiday until Monday");

  /* Recurring standard work. */
  recurrence = obeya_recurrence_new ("Month-end close", OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  g_object_set (recurrence,
                "nth", 3,
                "checklist", (const char * const []) { "Accruals", "Prepayments",
                                                       "Intercompany reconciliation",
                                                       "Sign-off", NULL },
                "assignees", person_ids (ws, "Ana López", NULL),
                "description", "The AP part of the month-end close checklist.",
                NULL);
  obeya_board_add_recurrence (board, recurrence);
  g_object_unref (recurrence);
  recurrence = obeya_recurrence_new ("Vendor reconciliation", OBEYA_RECURRENCE_WEEKLY);
  g_object_set (recurrence, "weekdays", 0x1 | 0x8, NULL);
  obeya_board_add_recurrence (board, recurrence);
  g_object_unref (recurrence);
  recurrence = obeya_recurrence_new ("Import bank statements", OBEYA_RECURRENCE_DAILY);
  obeya_board_add_recurrence (board, recurrence);
  g_object_unref (recurrence);
  recurrence = obeya_recurrence_new ("Prepare VAT return", OBEYA_RECURRENCE_MONTHLY_DATE);
  g_object_set (recurrence, "day", 15, "paused", TRUE, NULL);
  obeya_board_add_recurrence (board, recurrence);
  g_object_unref (recurrence);

  personal = obeya_workspace_add_board (ws, "My tasks", OBEYA_BOARD_PERSONAL,
                                        OBEYA_BOARD_TEMPLATE_PERSONAL);
  obeya_board_add_card (personal, column (personal, 0), NULL, -1, "Book training");

  obeya_time_set_fake_now ("2026-11-05T10:30:00+01:00");
  obeya_history_clear (obeya_workspace_get_history (ws));
  return ws;
}

static ObeyaBoard *
first_board (void)
{
  ObeyaBoard *board = g_list_model_get_item (obeya_workspace_get_boards (workspace), 0);

  g_object_unref (board);
  return board;
}

static const char *then_action;
static const char *then_target;

static const char *then_show;

static void
then_cb (gpointer data)
{
  if (then_show != NULL && OBEYA_IS_CARD_EDITOR (data))
    {
      GObject *tags = gtk_widget_get_template_child (data, OBEYA_TYPE_CARD_EDITOR, "tags_row");
      GObject *add = gtk_widget_get_template_child (data, OBEYA_TYPE_CARD_EDITOR, "add_tag_row");
      GObject *due = gtk_widget_get_template_child (data, OBEYA_TYPE_CARD_EDITOR, "due_button");
      GObject *color = gtk_widget_get_template_child (data, OBEYA_TYPE_CARD_EDITOR, "add_tag_color");

      if (g_str_equal (then_show, "due"))
        gtk_menu_button_popup (GTK_MENU_BUTTON (due));
      else
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (tags), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (add));
          if (g_strcmp0 (page_name, "colors") == 0)
            gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (color))));
        }
      return;
    }
  if (then_target != NULL)
    gtk_widget_activate_action (data, then_action, "s", then_target);
  else
    gtk_widget_activate_action (data, then_action, NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *parent = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *dialog = NULL;
  ObeyaBoard *board;

  workspace = build_workspace ();
  board = first_board ();

  gtk_window_set_title (GTK_WINDOW (parent), "Obeya");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (parent),
                                      adw_status_page_new ());
  {
    /* Without a window manager (Xvfb) maximizing does nothing: fill the screen. */
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry = { 0, 0, 1200, 760 };

    if (monitor != NULL)
      gdk_monitor_get_geometry (monitor, &geometry);
    gtk_window_set_default_size (GTK_WINDOW (parent), geometry.width, geometry.height);
  }
  gtk_window_present (GTK_WINDOW (parent));

  if (g_str_has_prefix (dialog_name, "card"))
    {
      GPtrArray *cards = obeya_board_get_cards (board);
      ObeyaCard *card = NULL;

      for (guint i = 0; i < cards->len && card == NULL; i++)
        if (g_str_has_prefix (obeya_card_get_title (cards->pdata[i]), "Pay invoice 4711"))
          card = cards->pdata[i];
      if (g_str_equal (dialog_name, "card-archived"))
        obeya_board_archive_card (board, card);
      dialog = GTK_WIDGET (obeya_card_editor_new (GTK_WINDOW (parent), card));
      /* PAGE shows a part that opens: "tags", "due" or "colors". */
      if (g_strcmp0 (page_name, "tags") == 0 || g_strcmp0 (page_name, "colors") == 0)
        then_show = "tags";
      else if (g_strcmp0 (page_name, "due") == 0)
        then_show = "due";
    }
  else if (g_str_equal (dialog_name, "archive"))
    dialog = GTK_WIDGET (obeya_archive_dialog_new (GTK_WINDOW (parent), board));
  else if (g_str_equal (dialog_name, "archive-empty"))
    {
      ObeyaBoard *personal = g_list_model_get_item (obeya_workspace_get_boards (workspace), 1);

      dialog = GTK_WIDGET (obeya_archive_dialog_new (GTK_WINDOW (parent), personal));
      g_object_unref (personal);
    }
  else if (g_str_has_prefix (dialog_name, "settings") || g_str_equal (dialog_name, "recurrence") ||
           g_str_equal (dialog_name, "delete-column"))
    {
      dialog = GTK_WIDGET (obeya_board_settings_new (GTK_WINDOW (parent), board));
      if (page_name != NULL)
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (dialog), page_name);
      if (g_str_equal (dialog_name, "recurrence"))
        {
          g_autoptr(ObeyaRecurrence) recurrence =
            g_list_model_get_item (obeya_board_get_recurrences (board), 0);

          then_action = "settings.edit-recurrence";
          then_target = obeya_entity_get_id (OBEYA_ENTITY (recurrence));
        }
      else if (g_str_equal (dialog_name, "delete-column"))
        {
          adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (dialog), "columns");
          then_action = "settings.delete-column";
          then_target = obeya_entity_get_id (OBEYA_ENTITY (column (board, 2)));
        }
    }
  else if (g_str_equal (dialog_name, "add-lane"))
    {
      ObeyaBoard *personal = g_list_model_get_item (obeya_workspace_get_boards (workspace), 1);

      dialog = GTK_WIDGET (obeya_board_settings_new (GTK_WINDOW (parent), personal));
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (dialog), "columns");
      then_action = "settings.add-lane";
      g_object_unref (personal);
    }
  else if (g_str_equal (dialog_name, "people"))
    {
      GListModel *people = obeya_workspace_get_people (workspace);
      g_autoptr(ObeyaPerson) me = g_list_model_get_item (people, 1);
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&builder, "{ss}", WORKSPACE_KEY,
                             obeya_entity_get_id (OBEYA_ENTITY (me)));
      g_settings_set_value (settings, "workspace-me", g_variant_builder_end (&builder));
      dialog = GTK_WIDGET (obeya_people_dialog_new (GTK_WINDOW (parent), workspace, WORKSPACE_KEY));
    }
  else if (g_str_equal (dialog_name, "new-board"))
    dialog = GTK_WIDGET (obeya_new_board_dialog_new (GTK_WINDOW (parent), workspace));
  else if (g_str_equal (dialog_name, "shortcuts"))
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/obeya/Obeya/gtk/help-overlay.ui");

      dialog = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (parent));
    }
  else
    {
      g_printerr ("dialog-demo: unknown dialog “%s”\n", dialog_name);
      g_application_quit (app);
      return;
    }

  gtk_window_present (GTK_WINDOW (dialog));
  /* Once everything is on screen, open what the dialog opens over itself. */
  if (then_action != NULL || then_show != NULL)
    g_timeout_add_once (500, then_cb, dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: dialog-demo DIALOG [PAGE]\n");
      return 2;
    }
  dialog_name = argv[1];
  page_name = argc > 2 ? argv[2] : NULL;

  /* Never touch the user's settings: the schema from the build tree, in memory. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "org.obeya.Obeya.DialogDemo",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/org/obeya/Obeya",
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
