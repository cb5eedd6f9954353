/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-trello: import a board from a Trello JSON export ("Menu → Print,
 * export and share → Export as JSON").
 *
 * The export is read through obeya_json_parse() (so the same strict checks
 * and limits apply as for a workspace) and validated completely before the
 * workspace is touched: on any error nothing changes. On success the new
 * board, and the people and tags it needed, are added as one undoable
 * command, "Import Trello board".
 *
 * The mapping:
 *
 *  - lists → columns, in `pos` order. The flow role is guessed from the
 *    list's name ("Done", "Complete", "Finished", "Shipped"… → done;
 *    "Backlog", "To do", "Ideas", "Inbox", "Ready", "Next"… → backlog;
 *    everything else → active); the user changes it afterwards if the guess
 *    is wrong. A closed (archived) list becomes a deleted ("retired")
 *    column when it still holds cards or when an imported card's history
 *    passed through it, so that history keeps its name and role; otherwise
 *    it is skipped.
 *  - cards → cards, in `pos` order within their list: name, desc, due (the
 *    local calendar day of Trello's due time), a link to the Trello card.
 *    A closed card, and any card of a closed list, is archived, at the time
 *    of the action that closed it (or of the card's last activity when the
 *    export holds no such action).
 *  - labels → tags, matched by name ignoring case, created when missing with
 *    the colour of obeya_tag_colors() nearest to the Trello colour (CIE L*a*b*
 *    distance; a neutral colour only for a neutral label). A label without
 *    a name is named after its colour ("Green"); one with neither is
 *    dropped.
 *  - members → assignees: people matched by full name ignoring case,
 *    created when missing. Only members assigned to an imported card are
 *    added; an assignment to someone not in the export's members is
 *    dropped.
 *  - checklists → the card's checklist, in `pos` order, checked state kept.
 *    A card has one checklist in Obeya: several Trello checklists are
 *    joined, each item prefixed with its checklist's name.
 *  - creation time: from the Trello id (its first 8 hex digits are the
 *    seconds since 1970).
 *  - move history: the card's creation in the list its createCard action
 *    names (or, without one, the list its first recorded move left, or its
 *    current list), then every updateCard action that moved it from one
 *    list to another (listBefore/listAfter), oldest first. Trello exports
 *    at most 1,000 actions, so a history may be cut short: when the
 *    recorded moves do not end in the card's list, a last move into it is
 *    added at the card's last activity. Actions are best effort: one that
 *    does not have the expected shape is ignored, never an error.
 *
 * Times are kept in the local time zone's offset at that instant, like
 * everything the user records in Obeya.
 */
#pragma once

#include <gio/gio.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TRELLO_ERROR (obeya_trello_error_quark ())

typedef enum
{
  OBEYA_TRELLO_ERROR_NOT_TRELLO, /* valid JSON, but not a Trello board export */
} ObeyaTrelloError;

GQuark      obeya_trello_error_quark (void);

/* Imports the Trello board export @bytes into @workspace. Returns the new
 * board (owned by the workspace), or NULL with @error: OBEYA_JSON_ERROR
 * (syntax with line and column, or a member of the wrong type with its path,
 * such as `cards[3].idList: no list with id “…”`) or OBEYA_TRELLO_ERROR. */
ObeyaBoard *obeya_trello_import      (ObeyaWorkspace  *workspace,
                                      GBytes          *bytes,
                                      GError         **error);

/* The tag colour (one of obeya_tag_colors()) nearest to the Trello label
 * colour @trello_color ("green", "sky", "purple_dark", or NULL). */
const char *obeya_trello_nearest_tag_color (const char *trello_color);

G_END_DECLS
