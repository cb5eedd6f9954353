/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-model-private.h"
#include "obeya-person.h"
#include "obeya-sample.h"
#include "obeya-sample-5s.h"
#include "obeya-sample-metrics.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

typedef struct
{
  const char *title;
  int         column;       /* index into the board's columns */
  int         expedite;     /* in the Expedite lane */
  int         created_ago;  /* days before today */
  int         committed_ago;/* days before today it entered In progress; -1 never */
  int         moved_ago;    /* days before today it entered its column */
  int         due_in;       /* days from today; G_MININT none */
  const char *assignees;    /* indices into people, e.g. "01" */
  const char *tags;         /* indices into tags */
  const char *blocked;      /* reason, or NULL */
  const char *checklist;    /* "text|text|…", done items start with '+' */
  ObeyaClassOfService klass;
} SampleCard;

#define NO_DUE G_MININT

static ObeyaTimestamp
at (ObeyaDay today,
    int      days_ago,
    int      hour)
{
  ObeyaTimestamp now = obeya_timestamp_now ();

  return obeya_timestamp_from_day (today - days_ago, hour, 0, now.offset);
}

ObeyaBoard *
obeya_sample_add_board (ObeyaWorkspace *workspace,
                        ObeyaDay        today)
{
  const char *people_names[] = { "Ana López", "Ben Okafor", "Chen Wei", "Dana Novak" };
  const struct { const char *name; const char *color; } tag_specs[] = {
    { N_("Month-end"), "purple" },
    { N_("Vendor query"), "orange" },
    { N_("Compliance"), "red" },
    { N_("Improvement"), "green" },
  };
  const SampleCard cards[] = {
    { N_("Set up new supplier: Nordic Paper AB"), 0, 0, 6, -1, 6, 9, "", "", NULL, NULL, OBEYA_CLASS_STANDARD },
    { N_("Clean up duplicate vendor records"), 0, 0, 12, -1, 12, NO_DUE, "", "3", NULL, NULL, OBEYA_CLASS_INTANGIBLE },
    { N_("Quarterly VAT reconciliation"), 1, 0, 9, -1, 2, 12, "1", "2", NULL, "Export VAT report|Match to ledger|Sign-off", OBEYA_CLASS_FIXED_DATE },
    { N_("Credit note request: Acme Logistics"), 1, 0, 3, -1, 1, NO_DUE, "", "1", NULL, NULL, OBEYA_CLASS_STANDARD },
    { N_("Urgent payment run: payroll provider"), 2, 1, 1, 1, 1, 0, "0", "", NULL, "+Approve run|Send to bank", OBEYA_CLASS_EXPEDITE },
    { N_("Invoice 4471 price mismatch"), 2, 0, 8, 6, 6, 1, "2", "1", N_("Waiting for the buyer to confirm the agreed price"), NULL, OBEYA_CLASS_STANDARD },
    { N_("Month-end accruals"), 2, 0, 4, 3, 3, 2, "01", "0", NULL, "+Collect open POs|+Estimate services|Post journal|Review with controller", OBEYA_CLASS_FIXED_DATE },
    { N_("Vendor statement reconciliation: Office Supplies Ltd"), 2, 0, 5, 2, 2, NO_DUE, "3", "1", NULL, "+Download statement|Match open items", OBEYA_CLASS_STANDARD },
    { N_("Standard work: invoice coding guide"), 3, 0, 15, 10, 1, NO_DUE, "1", "3", NULL, "+Draft|+Team review|Publish", OBEYA_CLASS_INTANGIBLE },
    { N_("Travel expense audit sample"), 3, 0, 7, 4, 0, 3, "2", "2", NULL, NULL, OBEYA_CLASS_STANDARD },
    { N_("Pay rent for November"), 4, 0, 10, 8, 5, NO_DUE, "0", "0", NULL, NULL, OBEYA_CLASS_FIXED_DATE },
    { N_("Onboard Dana to AP inbox"), 4, 0, 14, 12, 9, NO_DUE, "3", "", NULL, "+Access rights|+Shadow a day|+First batch", OBEYA_CLASS_STANDARD },
    { N_("Fix approval routing for IT invoices"), 4, 0, 20, 16, 11, NO_DUE, "1", "3", NULL, NULL, OBEYA_CLASS_STANDARD },
  };
  g_autoptr(ObeyaBoard) board = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  ObeyaLane *expedite;
  ObeyaLane *standard;
  ObeyaHistory *history = obeya_workspace_get_history (workspace);
  ObeyaColumn *columns[5];

  for (guint i = 0; i < G_N_ELEMENTS (people_names); i++)
    {
      ObeyaPerson *person = obeya_workspace_find_person_by_name (workspace, people_names[i]);

      if (person == NULL)
        {
          person = obeya_workspace_add_person (workspace, people_names[i]);
          g_object_set (person, "sample", TRUE, NULL);
        }
      g_ptr_array_add (people, person);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tag_specs); i++)
    {
      ObeyaTag *tag = obeya_workspace_find_tag_by_name (workspace, _(tag_specs[i].name));

      if (tag == NULL)
        {
          tag = obeya_workspace_add_tag (workspace, _(tag_specs[i].name), tag_specs[i].color);
          g_object_set (tag, "sample", TRUE, NULL);
        }
      g_ptr_array_add (tags, tag);
    }

  board = obeya_board_new (_("Sample: Accounts payable"), OBEYA_BOARD_TEAM,
                           OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_object_set (board, "sample", TRUE, NULL);
  for (guint i = 0; i < 5; i++)
    {
      columns[i] = g_list_model_get_item (obeya_board_get_columns (board), i);
      g_object_unref (columns[i]);
    }
  g_object_set (columns[2], "wip-limit", 4, NULL);
  g_object_set (columns[3], "wip-limit", 2, NULL);
  expedite = obeya_board_add_lane (board, _("Expedite"), 0);
  g_object_set (expedite, "wip-limit", 1, NULL);
  standard = g_list_model_get_item (obeya_board_get_lanes (board), 1);
  g_object_unref (standard);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      const SampleCard *spec = &cards[i];
      g_autoptr(ObeyaCard) card = obeya_card_new (_(spec->title));
      ObeyaLane *lane = spec->expedite ? expedite : standard;
      const char *lane_id = obeya_entity_get_id (OBEYA_ENTITY (lane));
      GStrvBuilder *builder;
      g_auto(GStrv) assignees = NULL;
      g_auto(GStrv) tag_ids = NULL;

      _obeya_card_set_created (card, at (today, spec->created_ago, 9));
      /* History: created in Backlog, through Ready, into the active columns. */
      _obeya_card_append_move (card, at (today, spec->created_ago, 9),
                               obeya_entity_get_id (OBEYA_ENTITY (columns[0])), lane_id);
      if (spec->column >= 1 && spec->committed_ago >= 0)
        _obeya_card_append_move (card, at (today, spec->committed_ago + 1, 11),
                                 obeya_entity_get_id (OBEYA_ENTITY (columns[1])), lane_id);
      if (spec->committed_ago >= 0)
        _obeya_card_append_move (card, at (today, spec->committed_ago, 10),
                                 obeya_entity_get_id (OBEYA_ENTITY (columns[2])), lane_id);
      if (spec->column > 2)
        for (int c = 3; c <= spec->column; c++)
          _obeya_card_append_move (card, at (today, c == spec->column ? spec->moved_ago
                                                                      : spec->moved_ago + 1, 14),
                                   obeya_entity_get_id (OBEYA_ENTITY (columns[c])), lane_id);
      if (spec->column == 1)
        _obeya_card_append_move (card, at (today, spec->moved_ago, 15),
                                 obeya_entity_get_id (OBEYA_ENTITY (columns[1])), lane_id);

      builder = g_strv_builder_new ();
      for (const char *p = spec->assignees; *p; p++)
        g_strv_builder_add (builder, obeya_entity_get_id (people->pdata[*p - '0']));
      assignees = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      builder = g_strv_builder_new ();
      for (const char *p = spec->tags; *p; p++)
        g_strv_builder_add (builder, obeya_entity_get_id (tags->pdata[*p - '0']));
      tag_ids = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);

      g_object_set (card,
                    "assignees", assignees[0] ? assignees : NULL,
                    "tags", tag_ids[0] ? tag_ids : NULL,
                    "class-of-service", spec->klass,
                    NULL);
      if (spec->due_in != NO_DUE)
        {
          g_autofree char *due = obeya_day_to_string (today + spec->due_in);
          g_object_set (card, "due", due, NULL);
        }
      if (spec->checklist != NULL)
        {
          g_auto(GStrv) items = g_strsplit (spec->checklist, "|", -1);

          for (guint k = 0; items[k] != NULL; k++)
            {
              gboolean done = items[k][0] == '+';
              ObeyaChecklistItem *item = obeya_card_add_checklist_item (card, done ? items[k] + 1
                                                                                   : items[k], -1);
              g_object_set (item, "done", done, NULL);
            }
        }
      if (spec->blocked != NULL)
        obeya_card_block (card, _(spec->blocked));

      obeya_board_insert_card (board, card, columns[spec->column], lane, -1);
    }

  obeya_workspace_insert_board (workspace, board, -1);
  obeya_history_clear (history);
  return board;
}

ObeyaWorkspace *
obeya_sample_create_workspace (ObeyaDay today)
{
  ObeyaWorkspace *workspace = obeya_workspace_new ();
  ObeyaBoard *board;

  obeya_workspace_set_name (workspace, _("Personal workspace"));
  /* The sample comes first, so a first start shows a living board. */
  board = obeya_sample_add_board (workspace, today);
  /* 5S areas and audits, their open actions on the sample board. */
  obeya_sample_add_5s (workspace, board, today);
  obeya_workspace_add_board (workspace, _("My tasks"), OBEYA_BOARD_PERSONAL,
                             OBEYA_BOARD_TEMPLATE_PERSONAL);
  /* The huddle board of the sample team; its actions go to the sample board. */
  obeya_sample_add_huddle_metrics (workspace, today);
  obeya_history_clear (obeya_workspace_get_history (workspace));
  return workspace;
}
