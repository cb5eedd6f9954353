/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-query.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-model-private.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-trello.h"
#include "obeya-workspace.h"

G_DEFINE_QUARK (obeya-trello-error-quark, obeya_trello_error)

/* ---- colours ---------------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint32     rgb;
} NamedColor;

/* Trello's label colours (the base shade of each; "_dark" and "_light"
 * variants map like their base). */
static const NamedColor trello_colors[] = {
  { "green", 0x61bd4f }, { "yellow", 0xf2d600 }, { "orange", 0xff9f1a },
  { "red", 0xeb5a46 }, { "purple", 0xc377e0 }, { "blue", 0x0079bf },
  { "sky", 0x00c2e0 }, { "lime", 0x51e898 }, { "pink", 0xff78cb },
  { "black", 0x344563 },
};

/* The tag colours as the app shows them (GNOME HIG palette). A colour
 * added to obeya_tag_colors() needs its value here to be chosen. */
static const NamedColor tag_colors[] = {
  { "blue", 0x3584e4 }, { "green", 0x33d17a }, { "yellow", 0xf6d32d },
  { "orange", 0xff7800 }, { "red", 0xe01b24 }, { "purple", 0x9141ac },
  { "brown", 0x986a44 }, { "grey", 0x9a9996 },
};

/* Below this chroma a colour reads as grey. */
#define NEUTRAL_CHROMA 25.0

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116.0;
}

/* CIE L*a*b* (D65) of an sRGB colour. */
static void
rgb_to_lab (guint32 rgb,
            double  lab[3])
{
  double r = srgb_to_linear (((rgb >> 16) & 0xff) / 255.0);
  double g = srgb_to_linear (((rgb >> 8) & 0xff) / 255.0);
  double b = srgb_to_linear ((rgb & 0xff) / 255.0);
  double x = lab_f ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  double y = lab_f (0.2126 * r + 0.7152 * g + 0.0722 * b);
  double z = lab_f ((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);

  lab[0] = 116.0 * y - 16.0;
  lab[1] = 500.0 * (x - y);
  lab[2] = 200.0 * (y - z);
}

const char *
obeya_trello_nearest_tag_color (const char *trello_color)
{
  const char * const *names = obeya_tag_colors ();
  g_autofree char *base = NULL;
  const char *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double source[3];
  gboolean neutral;
  guint32 rgb = 0;
  gboolean found = FALSE;

  if (trello_color != NULL)
    {
      const char *suffix = strchr (trello_color, '_');

      base = suffix ? g_strndup (trello_color, suffix - trello_color) : g_strdup (trello_color);
      for (guint i = 0; i < G_N_ELEMENTS (trello_colors) && !found; i++)
        if (strcmp (base, trello_colors[i].name) == 0)
          {
            rgb = trello_colors[i].rgb;
            found = TRUE;
          }
    }
  /* No colour, or one this table does not know: grey. */
  if (!found)
    rgb = 0x9a9996;

  rgb_to_lab (rgb, source);
  neutral = hypot (source[1], source[2]) <= NEUTRAL_CHROMA;

  for (guint i = 0; names[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (tag_colors); k++)
      {
        double lab[3], distance;

        if (strcmp (names[i], tag_colors[k].name) != 0)
          continue;
        rgb_to_lab (tag_colors[k].rgb, lab);
        /* A coloured label never turns grey, however dark or pale. */
        if (!neutral && hypot (lab[1], lab[2]) <= NEUTRAL_CHROMA)
          continue;
        distance = hypot (hypot (source[0] - lab[0], source[1] - lab[1]), source[2] - lab[2]);
        if (distance < best_distance)
          {
            best_distance = distance;
            best = names[i];
          }
      }

  return best ? best : names[0];
}

/* ---- what the export says ----------------------------------------------------- */

/* Where a list, checklist or item goes: by Trello's `pos`, then by its
 * place in the file. The first member of each of those structs. */
typedef struct
{
  double pos;
  guint  index;
} Position;

typedef struct
{
  Position       position;   /* ->index: in the file, then in the column order */
  const char    *id;
  const char    *name;
  gboolean       closed;
  gboolean       has_cards;
  gboolean       referenced; /* by the history of an imported card */
  ObeyaTimestamp closed_at;  /* from an updateList action */
  ObeyaColumn   *column;     /* while building */
} TrelloList;

typedef struct
{
  const char *name;  /* the tag name: the label's, or its colour's; NULL: dropped */
  const char *color;
} TrelloLabel;

typedef struct
{
  ObeyaTimestamp time;
  TrelloList    *list;
} TrelloMove;

typedef struct
{
  Position    position;
  const char *name;
  GPtrArray  *items; /* of TrelloItem */
} TrelloChecklist;

typedef struct
{
  Position    position;
  const char *text;
  gboolean    done;
} TrelloItem;

typedef struct
{
  Position       position;
  const char    *id;
  const char    *name;
  const char    *desc;
  const char    *url;
  gboolean       closed;
  TrelloList    *list;
  ObeyaDay       due;
  ObeyaTimestamp created;
  ObeyaTimestamp last_activity;
  ObeyaTimestamp closed_at;
  GPtrArray     *labels;     /* of TrelloLabel (borrowed) */
  GPtrArray     *members;    /* of const char *: full names */
  GPtrArray     *checklists; /* of TrelloChecklist */
  TrelloList    *created_in;
  GArray        *moves;      /* of TrelloMove: recorded list changes, then the whole history */
  ObeyaCard     *built;      /* while building; the board holds it */
} TrelloCard;

typedef struct
{
  ObeyaJsonReader *reader;
  GStringChunk    *strings;
  const char      *board_name;
  GPtrArray       *lists;      /* of TrelloList */
  GHashTable      *list_index; /* id → TrelloList */
  GHashTable      *labels;     /* id → TrelloLabel */
  GHashTable      *members;    /* id → full name */
  GPtrArray       *cards;      /* of TrelloCard */
  GHashTable      *card_index; /* id → TrelloCard */
} Import;

static void
checklist_free (gpointer data)
{
  TrelloChecklist *checklist = data;

  g_ptr_array_unref (checklist->items);
  g_free (checklist);
}

static void
card_free (gpointer data)
{
  TrelloCard *card = data;

  g_ptr_array_unref (card->labels);
  g_ptr_array_unref (card->members);
  g_ptr_array_unref (card->checklists);
  g_array_unref (card->moves);
  g_free (card);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->reader, obeya_json_reader_free);
  g_clear_pointer (&import->strings, g_string_chunk_free);
  g_clear_pointer (&import->lists, g_ptr_array_unref);
  g_clear_pointer (&import->list_index, g_hash_table_unref);
  g_clear_pointer (&import->labels, g_hash_table_unref);
  g_clear_pointer (&import->members, g_hash_table_unref);
  g_clear_pointer (&import->cards, g_ptr_array_unref);
  g_clear_pointer (&import->card_index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* The same instant, with the offset the local time zone had then. */
static ObeyaTimestamp
local_timestamp (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (seconds);
  ObeyaTimestamp ts = { seconds, 0 };

  return dt ? obeya_timestamp_from_date_time (dt) : ts;
}

static gboolean
parse_trello_time (const char     *text,
                   ObeyaTimestamp *out)
{
  ObeyaTimestamp ts;

  if (text == NULL || !obeya_timestamp_parse (text, &ts))
    return FALSE;
  *out = local_timestamp (ts.seconds);
  return TRUE;
}

/* Trello ids (MongoDB object ids) start with the creation time: 8 hex
 * digits of seconds since 1970. */
static gboolean
time_from_id (const char     *id,
              ObeyaTimestamp *out)
{
  gint64 seconds = 0;

  if (id == NULL || strlen (id) < 8)
    return FALSE;
  for (guint i = 0; i < 8; i++)
    {
      int digit = g_ascii_xdigit_value (id[i]);

      if (digit < 0)
        return FALSE;
      seconds = seconds * 16 + digit;
    }
  *out = local_timestamp (seconds);
  return TRUE;
}

/* Lenient accessors, for the actions (best effort). */
static JsonNode *
peek_member (JsonObject *object,
             const char *member)
{
  return object != NULL && json_object_has_member (object, member)
         ? json_object_get_member (object, member) : NULL;
}

static const char *
peek_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = peek_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static JsonObject *
peek_object (JsonObject *object,
             const char *member)
{
  JsonNode *node = peek_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* -1: no such boolean; else its value. */
static int
peek_boolean (JsonObject *object,
              const char *member)
{
  JsonNode *node = peek_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN ? json_node_get_boolean (node) : -1;
}

/* Calls @read_one for each object of the array member @name (optional
 * unless @required), with the path set to `name[i]`. */
static void
read_each (Import     *import,
           JsonObject *object,
           const char *name,
           gboolean    required,
           void      (*read_one) (Import     *import,
                                  JsonObject *element,
                                  guint       index,
                                  gpointer    user_data),
           gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  JsonArray *array = obeya_json_reader_get_array (r, object, name, required);
  guint n = array ? json_array_get_length (array) : 0;

  obeya_json_reader_push_member (r, name);
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *element = obeya_json_reader_array_object (r, array, i);

      if (element == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      read_one (import, element, i, user_data);
      obeya_json_reader_pop (r);
    }
  obeya_json_reader_pop (r);
}

/* Reads the optional array of strings @name of @object. */
static GPtrArray *
read_string_list (Import     *import,
                  JsonObject *object,
                  const char *name)
{
  ObeyaJsonReader *r = import->reader;
  JsonArray *array = obeya_json_reader_get_array (r, object, name, FALSE);
  GPtrArray *strings = g_ptr_array_new ();
  guint n = array ? json_array_get_length (array) : 0;

  obeya_json_reader_push_member (r, name);
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      const char *value = obeya_json_reader_array_string (r, array, i, FALSE);

      if (value != NULL)
        g_ptr_array_add (strings, (gpointer) value);
    }
  obeya_json_reader_pop (r);
  return strings;
}

static void
read_label (Import     *import,
            JsonObject *object,
            guint       index,
            gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  const char *id = obeya_json_reader_get_string (r, object, "id", TRUE);
  const char *name = obeya_json_reader_get_string (r, object, "name", FALSE);
  TrelloLabel *label;

  if (id == NULL)
    return;

  label = g_new0 (TrelloLabel, 1);
  label->color = obeya_json_reader_get_string (r, object, "color", FALSE);
  if (name != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      if (stripped[0] != '\0')
        label->name = g_string_chunk_insert (import->strings, stripped);
    }
  if (label->name == NULL && label->color != NULL)
    {
      /* Named after its colour: "green_dark" → "Green". */
      g_autofree char *base = g_strndup (label->color, strcspn (label->color, "_"));

      base[0] = g_ascii_toupper (base[0]);
      label->name = g_string_chunk_insert (import->strings, base);
    }
  g_hash_table_insert (import->labels, (gpointer) id, label);
}

static void
read_member (Import     *import,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  const char *id = obeya_json_reader_get_string (r, object, "id", TRUE);
  const char *full_name = obeya_json_reader_get_string (r, object, "fullName", FALSE);
  const char *username = obeya_json_reader_get_string (r, object, "username", FALSE);
  const char *chosen = full_name != NULL && full_name[0] != '\0' ? full_name : username;
  g_autofree char *name = chosen ? g_strstrip (g_strdup (chosen)) : NULL;

  if (id != NULL && name != NULL && name[0] != '\0')
    g_hash_table_insert (import->members, (gpointer) id,
                         g_string_chunk_insert (import->strings, name));
}

static void
read_list (Import     *import,
           JsonObject *object,
           guint       index,
           gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  TrelloList *list = g_new0 (TrelloList, 1);

  g_ptr_array_add (import->lists, list);
  list->id = obeya_json_reader_get_string (r, object, "id", TRUE);
  list->name = obeya_json_reader_get_string (r, object, "name", TRUE);
  list->closed = obeya_json_reader_get_boolean (r, object, "closed", FALSE);
  list->position.pos = obeya_json_reader_get_double (r, object, "pos", FALSE, index);
  list->position.index = index;
  list->closed_at = OBEYA_TIMESTAMP_NONE;
  if (list->id == NULL)
    return;
  if (g_hash_table_contains (import->list_index, list->id))
    obeya_json_reader_fail (r, "id", _("a second list with id “%s”"), list->id);
  g_hash_table_insert (import->list_index, (gpointer) list->id, list);
}

/* Reads an optional timestamp member; an error when it is not one. */
static ObeyaTimestamp
read_time_member (Import     *import,
                  JsonObject *object,
                  const char *name)
{
  const char *text = obeya_json_reader_get_string (import->reader, object, name, FALSE);
  ObeyaTimestamp ts = OBEYA_TIMESTAMP_NONE;

  if (text != NULL && !parse_trello_time (text, &ts))
    obeya_json_reader_fail (import->reader, name,
                            _("“%s” is not a date and time (YYYY-MM-DDTHH:MM:SS.sssZ)"), text);
  return ts;
}

static void
read_card (Import     *import,
           JsonObject *object,
           guint       index,
           gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  TrelloCard *card = g_new0 (TrelloCard, 1);
  g_autoptr(GPtrArray) label_ids = NULL;
  g_autoptr(GPtrArray) member_ids = NULL;
  const char *list_id;
  ObeyaTimestamp due;
  JsonArray *embedded;

  card->labels = g_ptr_array_new ();
  card->members = g_ptr_array_new ();
  card->checklists = g_ptr_array_new_with_free_func (checklist_free);
  card->moves = g_array_new (FALSE, FALSE, sizeof (TrelloMove));
  card->closed_at = OBEYA_TIMESTAMP_NONE;
  g_ptr_array_add (import->cards, card);

  card->id = obeya_json_reader_get_string (r, object, "id", TRUE);
  card->name = obeya_json_reader_get_string (r, object, "name", TRUE);
  card->desc = obeya_json_reader_get_string (r, object, "desc", FALSE);
  card->url = obeya_json_reader_get_string (r, object, "url", FALSE);
  if (card->url == NULL)
    card->url = obeya_json_reader_get_string (r, object, "shortUrl", FALSE);
  card->closed = obeya_json_reader_get_boolean (r, object, "closed", FALSE);
  card->position.pos = obeya_json_reader_get_double (r, object, "pos", FALSE, index);
  card->position.index = index;
  due = read_time_member (import, object, "due");
  card->due = OBEYA_TIMESTAMP_IS_SET (due) ? obeya_timestamp_get_day (due) : OBEYA_DAY_NONE;
  card->last_activity = read_time_member (import, object, "dateLastActivity");

  list_id = obeya_json_reader_get_string (r, object, "idList", TRUE);
  if (list_id != NULL)
    {
      card->list = g_hash_table_lookup (import->list_index, list_id);
      if (card->list == NULL)
        obeya_json_reader_fail (r, "idList", _("no list with id “%s” in this board"), list_id);
      else
        card->list->has_cards = TRUE;
    }
  if (card->id == NULL || obeya_json_reader_failed (r))
    return;

  if (g_hash_table_contains (import->card_index, card->id))
    {
      obeya_json_reader_fail (r, "id", _("a second card with id “%s”"), card->id);
      return;
    }
  g_hash_table_insert (import->card_index, (gpointer) card->id, card);

  if (!time_from_id (card->id, &card->created))
    card->created = OBEYA_TIMESTAMP_IS_SET (card->last_activity) ? card->last_activity
                                                                 : obeya_timestamp_now ();

  /* Labels: the board's, by id; the copy embedded in the card as a fallback. */
  label_ids = read_string_list (import, object, "idLabels");
  embedded = obeya_json_reader_get_array (r, object, "labels", FALSE);
  if (label_ids->len == 0 && embedded != NULL)
    for (guint i = 0; i < json_array_get_length (embedded); i++)
      {
        JsonNode *node = json_array_get_element (embedded, i);
        const char *id = JSON_NODE_HOLDS_OBJECT (node)
                         ? peek_string (json_node_get_object (node), "id") : NULL;

        if (id != NULL)
          g_ptr_array_add (label_ids, (gpointer) id);
      }
  for (guint i = 0; i < label_ids->len; i++)
    {
      TrelloLabel *label = g_hash_table_lookup (import->labels, label_ids->pdata[i]);

      if (label == NULL && embedded != NULL)
        {
          /* Not among the board's labels: read the card's own copy. */
          for (guint k = 0; k < json_array_get_length (embedded) && label == NULL; k++)
            {
              JsonNode *node = json_array_get_element (embedded, k);

              if (JSON_NODE_HOLDS_OBJECT (node) &&
                  g_strcmp0 (peek_string (json_node_get_object (node), "id"),
                             label_ids->pdata[i]) == 0)
                {
                  obeya_json_reader_push_member (r, "labels");
                  obeya_json_reader_push_index (r, k);
                  read_label (import, json_node_get_object (node), k, NULL);
                  obeya_json_reader_pop (r);
                  obeya_json_reader_pop (r);
                  label = g_hash_table_lookup (import->labels, label_ids->pdata[i]);
                }
            }
        }
      if (label != NULL && label->name != NULL && !g_ptr_array_find (card->labels, label, NULL))
        g_ptr_array_add (card->labels, label);
    }

  member_ids = read_string_list (import, object, "idMembers");
  for (guint i = 0; i < member_ids->len; i++)
    {
      const char *name = g_hash_table_lookup (import->members, member_ids->pdata[i]);

      if (name != NULL)
        g_ptr_array_add (card->members, (gpointer) name);
    }
}

static void
read_check_item (Import     *import,
                 JsonObject *object,
                 guint       index,
                 gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  TrelloChecklist *checklist = user_data;
  TrelloItem *item = g_new0 (TrelloItem, 1);
  const char *state;

  g_ptr_array_add (checklist->items, item);
  item->text = obeya_json_reader_get_string (r, object, "name", TRUE);
  item->position.pos = obeya_json_reader_get_double (r, object, "pos", FALSE, index);
  item->position.index = index;
  state = obeya_json_reader_get_string (r, object, "state", FALSE);
  if (state != NULL && strcmp (state, "complete") != 0 && strcmp (state, "incomplete") != 0)
    obeya_json_reader_fail (r, "state", _("“%s” is neither “complete” nor “incomplete”"), state);
  item->done = g_strcmp0 (state, "complete") == 0;
}

static void
read_checklist (Import     *import,
                JsonObject *object,
                guint       index,
                gpointer    user_data)
{
  ObeyaJsonReader *r = import->reader;
  const char *card_id = obeya_json_reader_get_string (r, object, "idCard", TRUE);
  TrelloChecklist *checklist = g_new0 (TrelloChecklist, 1);
  TrelloCard *card;

  checklist->items = g_ptr_array_new_with_free_func (g_free);
  checklist->name = obeya_json_reader_get_string (r, object, "name", FALSE);
  checklist->position.pos = obeya_json_reader_get_double (r, object, "pos", FALSE, index);
  checklist->position.index = index;
  read_each (import, object, "checkItems", FALSE, read_check_item, checklist);

  /* A checklist of a card that is not in the export (deleted) is dropped. */
  card = card_id ? g_hash_table_lookup (import->card_index, card_id) : NULL;
  if (card != NULL && !obeya_json_reader_failed (r))
    g_ptr_array_add (card->checklists, checklist);
  else
    checklist_free (checklist);
}

/* ---- actions: the history ----------------------------------------------------- */

typedef struct
{
  gint64      seconds;
  guint       index;
  JsonObject *action;
} Action;

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const Action *x = a, *y = b;

  /* Oldest first; Trello lists the newest first, so at the same second the
   * later in the file happened first. */
  if (x->seconds != y->seconds)
    return x->seconds < y->seconds ? -1 : 1;
  return x->index > y->index ? -1 : x->index < y->index ? 1 : 0;
}

static TrelloList *
action_list (Import     *import,
             JsonObject *data,
             const char *member)
{
  const char *id = peek_string (peek_object (data, member), "id");

  return id ? g_hash_table_lookup (import->list_index, id) : NULL;
}

static void
read_actions (Import     *import,
              JsonObject *root)
{
  JsonNode *node = peek_member (root, "actions");
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (Action));
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Action action = { 0, i, NULL };
      ObeyaTimestamp ts;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      action.action = json_node_get_object (element);
      if (!obeya_timestamp_parse (peek_string (action.action, "date"), &ts))
        continue;
      action.seconds = ts.seconds;
      g_array_append_val (actions, action);
    }
  g_array_sort (actions, compare_actions);

  for (guint i = 0; i < actions->len; i++)
    {
      JsonObject *action = g_array_index (actions, Action, i).action;
      const char *type = peek_string (action, "type");
      JsonObject *data = peek_object (action, "data");
      const char *card_id = peek_string (peek_object (data, "card"), "id");
      TrelloCard *card = card_id ? g_hash_table_lookup (import->card_index, card_id) : NULL;
      ObeyaTimestamp time = local_timestamp (g_array_index (actions, Action, i).seconds);

      if (type == NULL || data == NULL)
        continue;

      if (strcmp (type, "updateList") == 0)
        {
          TrelloList *list = action_list (import, data, "list");

          if (list != NULL && peek_boolean (peek_object (data, "list"), "closed") == TRUE &&
              peek_boolean (peek_object (data, "old"), "closed") == FALSE)
            list->closed_at = time;
          continue;
        }
      if (card == NULL)
        continue;

      if (strcmp (type, "createCard") == 0 || strcmp (type, "copyCard") == 0 ||
          strcmp (type, "convertToCardFromCheckItem") == 0 ||
          strcmp (type, "moveCardToBoard") == 0 || strcmp (type, "emailCard") == 0)
        {
          TrelloList *list = action_list (import, data, "list");

          if (card->created_in == NULL && card->moves->len == 0 && list != NULL)
            card->created_in = list;
        }
      else if (strcmp (type, "updateCard") == 0)
        {
          TrelloList *before = action_list (import, data, "listBefore");
          TrelloList *after = action_list (import, data, "listAfter");

          if (after != NULL && before != after)
            {
              TrelloMove move = { time, after };

              if (card->created_in == NULL && card->moves->len == 0)
                card->created_in = before;
              g_array_append_val (card->moves, move);
            }
          if (peek_boolean (peek_object (data, "card"), "closed") == TRUE &&
              peek_boolean (peek_object (data, "old"), "closed") == FALSE)
            card->closed_at = time;
        }
    }
}

/* Turns the recorded moves of @card into its whole history: the creation,
 * the moves in time order, and a last move into its list if the record
 * stops short of it. */
static void
complete_history (TrelloCard *card)
{
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (TrelloMove));
  TrelloMove creation = { card->created, NULL };
  const TrelloMove *last;

  creation.list = card->created_in ? card->created_in
                  : card->moves->len > 0 ? g_array_index (card->moves, TrelloMove, 0).list
                  : card->list;
  g_array_append_val (history, creation);

  for (guint i = 0; i < card->moves->len; i++)
    {
      TrelloMove move = g_array_index (card->moves, TrelloMove, i);

      last = &g_array_index (history, TrelloMove, history->len - 1);
      if (move.list == last->list)
        continue;
      /* Never before the previous entry (the creation time is second-exact). */
      if (move.time.seconds < last->time.seconds)
        move.time = last->time;
      g_array_append_val (history, move);
    }

  last = &g_array_index (history, TrelloMove, history->len - 1);
  if (last->list != card->list)
    {
      TrelloMove move = { last->time, card->list };

      if (OBEYA_TIMESTAMP_IS_SET (card->last_activity) &&
          card->last_activity.seconds > last->time.seconds)
        move.time = card->last_activity;
      g_array_append_val (history, move);
    }

  for (guint i = 0; i < history->len; i++)
    g_array_index (history, TrelloMove, i).list->referenced = TRUE;

  g_array_unref (card->moves);
  card->moves = g_steal_pointer (&history);
}

/* ---- reading the whole export ------------------------------------------------- */

static gboolean
read_export (Import      *import,
             JsonNode    *root,
             GError     **error)
{
  ObeyaJsonReader *r;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OBEYA_TRELLO_ERROR, OBEYA_TRELLO_ERROR_NOT_TRELLO,
                   _("This is not a Trello board export: the file does not hold a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);
  if (g_strcmp0 (peek_string (object, "format"), OBEYA_WORKSPACE_FORMAT) == 0)
    {
      g_set_error (error, OBEYA_TRELLO_ERROR, OBEYA_TRELLO_ERROR_NOT_TRELLO,
                   _("This is an Obeya workspace, not a Trello board export"));
      return FALSE;
    }
  if (!json_object_has_member (object, "lists") || !json_object_has_member (object, "cards"))
    {
      g_set_error (error, OBEYA_TRELLO_ERROR, OBEYA_TRELLO_ERROR_NOT_TRELLO,
                   _("This is not a Trello board export: it has no “lists” and “cards” "
                     "(export the board with “Export as JSON” in Trello's board menu)"));
      return FALSE;
    }

  import->reader = r = obeya_json_reader_new ();
  import->strings = g_string_chunk_new (1024);
  import->lists = g_ptr_array_new_with_free_func (g_free);
  import->list_index = g_hash_table_new (g_str_hash, g_str_equal);
  import->labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  import->members = g_hash_table_new (g_str_hash, g_str_equal);
  import->cards = g_ptr_array_new_with_free_func (card_free);
  import->card_index = g_hash_table_new (g_str_hash, g_str_equal);

  import->board_name = obeya_json_reader_get_string (r, object, "name", TRUE);
  read_each (import, object, "labels", FALSE, read_label, NULL);
  read_each (import, object, "members", FALSE, read_member, NULL);
  read_each (import, object, "lists", TRUE, read_list, NULL);
  read_each (import, object, "cards", TRUE, read_card, NULL);
  read_each (import, object, "checklists", FALSE, read_checklist, NULL);
  if (!obeya_json_reader_propagate (r, error))
    return FALSE;

  read_actions (import, object);
  for (guint i = 0; i < import->cards->len; i++)
    complete_history (import->cards->pdata[i]);
  return TRUE;
}

/* ---- building the board ------------------------------------------------------- */

static gboolean
starts_with_words (GStrv               words,
                   const char * const *phrase)
{
  guint i;

  for (i = 0; phrase[i] != NULL; i++)
    if (words[i] == NULL || strcmp (words[i], phrase[i]) != 0)
      return FALSE;
  return TRUE;
}

static ObeyaColumnRole
guess_role (const char *list_name)
{
  static const char * const done[][3] = {
    { "done", NULL }, { "complete", NULL }, { "completed", NULL }, { "finished", NULL },
    { "shipped", NULL }, { "released", NULL }, { "delivered", NULL }, { "closed", NULL },
    { "resolved", NULL },
  };
  static const char * const backlog[][3] = {
    { "backlog", NULL }, { "to", "do", NULL }, { "todo", NULL }, { "ideas", NULL },
    { "idea", NULL }, { "inbox", NULL }, { "icebox", NULL }, { "ready", NULL },
    { "next", NULL }, { "up", "next" }, { "planned", NULL }, { "later", NULL },
    { "someday", NULL }, { "new", NULL }, { "requests", NULL },
  };
  g_autofree char *folded = obeya_card_query_fold_text (list_name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;
  const char *p = folded;

  /* Words: runs of letters and digits ("✅ Done!" → done; "To-do" → to, do). */
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *word = g_strndup (start, p - start);
          g_strv_builder_add (builder, word);
        }
    }
  words = g_strv_builder_end (builder);

  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    if (starts_with_words (words, done[i]))
      return OBEYA_COLUMN_ROLE_DONE;
  for (guint i = 0; i < G_N_ELEMENTS (backlog); i++)
    if (starts_with_words (words, backlog[i]))
      return OBEYA_COLUMN_ROLE_BACKLOG;
  return OBEYA_COLUMN_ROLE_ACTIVE;
}

static int
compare_positions (const Position *x,
                   const Position *y)
{
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

/* For g_ptr_array_sort() of lists, checklists and items. */
static int
compare_positioned (gconstpointer a,
                    gconstpointer b)
{
  return compare_positions (*(const Position **) a, *(const Position **) b);
}

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  const TrelloCard *x = *(TrelloCard **) a, *y = *(TrelloCard **) b;

  /* Lists are sorted by then: their ->position.index is the column order. */
  if (x->list->position.index != y->list->position.index)
    return x->list->position.index < y->list->position.index ? -1 : 1;
  return compare_positions (&x->position, &y->position);
}

static int
compare_closed (gconstpointer a,
                gconstpointer b)
{
  const TrelloCard *x = *(TrelloCard **) a, *y = *(TrelloCard **) b;

  return x->closed_at.seconds < y->closed_at.seconds ? -1
         : x->closed_at.seconds > y->closed_at.seconds ? 1 : 0;
}

/* The id of the person (or tag) named @name, created when the workspace has
 * none (inside the caller's history command). */
static const char *
person_for (ObeyaWorkspace *workspace,
            const char     *name)
{
  ObeyaPerson *person = obeya_workspace_find_person_by_name (workspace, name);

  if (person == NULL)
    person = obeya_workspace_add_person (workspace, name);
  return obeya_entity_get_id (OBEYA_ENTITY (person));
}

static const char *
tag_for (ObeyaWorkspace *workspace,
         TrelloLabel    *label)
{
  ObeyaTag *tag = obeya_workspace_find_tag_by_name (workspace, label->name);

  if (tag == NULL)
    tag = obeya_workspace_add_tag (workspace, label->name,
                                   obeya_trello_nearest_tag_color (label->color));
  return obeya_entity_get_id (OBEYA_ENTITY (tag));
}

/* The ids of the people named in @items (full names), or of the tags of
 * @items (TrelloLabels); NULL when @items is empty. */
static GStrv
ids_for (ObeyaWorkspace *workspace,
         GPtrArray      *items,
         gboolean        people)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  if (items->len == 0)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = people ? person_for (workspace, items->pdata[i])
                              : tag_for (workspace, items->pdata[i]);

      /* Two labels (or members) may map to the same tag (or person). */
      if (!g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        {
          g_ptr_array_add (seen, (gpointer) id);
          g_strv_builder_add (builder, id);
        }
    }
  return g_strv_builder_end (builder);
}

static ObeyaCard *
build_card (ObeyaWorkspace *workspace,
            TrelloCard     *source)
{
  ObeyaCard *card = g_object_new (OBEYA_TYPE_CARD, "title", source->name,
                                  "description", source->desc, NULL);
  g_auto(GStrv) assignees = ids_for (workspace, source->members, TRUE);
  g_auto(GStrv) tags = ids_for (workspace, source->labels, FALSE);

  g_object_set (card, "assignees", assignees, "tags", tags, NULL);
  if (source->due != OBEYA_DAY_NONE)
    {
      char day[OBEYA_DAY_BUF_SIZE];
      g_object_set (card, "due", obeya_day_format (source->due, day), NULL);
    }

  _obeya_card_set_created (card, source->created);
  for (guint i = 0; i < source->moves->len; i++)
    {
      const TrelloMove *move = &g_array_index (source->moves, TrelloMove, i);

      _obeya_card_append_move (card, move->time,
                               obeya_entity_get_id (OBEYA_ENTITY (move->list->column)), NULL);
    }

  g_ptr_array_sort (source->checklists, compare_positioned);
  for (guint c = 0; c < source->checklists->len; c++)
    {
      TrelloChecklist *checklist = source->checklists->pdata[c];

      g_ptr_array_sort (checklist->items, compare_positioned);
      for (guint i = 0; i < checklist->items->len; i++)
        {
          TrelloItem *item = checklist->items->pdata[i];
          g_autofree char *text = NULL;
          ObeyaChecklistItem *added;

          /* Several checklists become one: say which each item came from. */
          if (source->checklists->len > 1 && checklist->name != NULL && checklist->name[0] != '\0')
            text = g_strdup_printf ("%s: %s", checklist->name, item->text);
          else
            text = g_strdup (item->text);
          added = obeya_card_add_checklist_item (card, text, -1);
          if (item->done)
            g_object_set (added, "done", TRUE, NULL);
        }
    }

  if (source->url != NULL && source->url[0] != '\0')
    obeya_card_add_link (card, "url", source->url, "Trello");
  return card;
}

static ObeyaBoard *
build_board (ObeyaWorkspace *workspace,
             Import         *import)
{
  g_autoptr(ObeyaBoard) board = NULL;
  g_autoptr(GPtrArray) archived = g_ptr_array_new ();
  g_autoptr(GPtrArray) retire = g_ptr_array_new ();

  board = obeya_board_new (import->board_name, OBEYA_BOARD_TEAM, OBEYA_BOARD_TEMPLATE_EMPTY);

  /* Columns in list order; from here on ->position.index is the column order. */
  g_ptr_array_sort (import->lists, compare_positioned);
  for (guint i = 0; i < import->lists->len; i++)
    {
      TrelloList *list = import->lists->pdata[i];

      list->position.index = i;
      if (list->closed && !list->has_cards && !list->referenced)
        continue;
      list->column = obeya_board_add_column (board, list->name, guess_role (list->name), -1);
      if (list->closed)
        g_ptr_array_add (retire, list);
    }

  g_ptr_array_sort (import->cards, compare_cards);
  for (guint i = 0; i < import->cards->len; i++)
    {
      TrelloCard *source = import->cards->pdata[i];
      g_autoptr(ObeyaCard) card = build_card (workspace, source);

      obeya_board_insert_card (board, card, source->list->column, NULL, -1);
      source->built = card;
      if (source->closed || source->list->closed)
        {
          /* When: the action that closed the card, or its list; else its
           * last activity; else now. */
          if (!OBEYA_TIMESTAMP_IS_SET (source->closed_at) && source->list->closed)
            source->closed_at = source->list->closed_at;
          if (!OBEYA_TIMESTAMP_IS_SET (source->closed_at))
            source->closed_at = source->last_activity;
          if (!OBEYA_TIMESTAMP_IS_SET (source->closed_at))
            source->closed_at = obeya_timestamp_now ();
          g_ptr_array_add (archived, source);
        }
    }

  /* Archive oldest first, so that the archive lists the newest first. */
  g_ptr_array_sort (archived, compare_closed);
  for (guint i = 0; i < archived->len; i++)
    {
      TrelloCard *source = archived->pdata[i];

      obeya_board_archive_card (board, source->built);
      _obeya_card_set_archived_at (source->built, source->closed_at);
    }

  for (guint i = 0; i < retire->len; i++)
    obeya_board_delete_column (board, ((TrelloList *) retire->pdata[i])->column, NULL);

  return g_steal_pointer (&board);
}

ObeyaBoard *
obeya_trello_import (ObeyaWorkspace  *workspace,
                     GBytes          *bytes,
                     GError         **error)
{
  g_auto(Import) import = { NULL, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ObeyaBoard) board = NULL;
  ObeyaHistory *history;
  gsize length;
  const char *data;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  root = obeya_json_parse (data ? data : "", length, error);
  if (root == NULL)
    return NULL;

  /* Everything is read and checked before the workspace is touched. */
  if (!read_export (&import, root, error))
    return NULL;

  history = obeya_workspace_get_history (workspace);
  obeya_history_begin (history, _("Import Trello board"));
  board = build_board (workspace, &import);
  obeya_workspace_insert_board (workspace, board, -1);
  obeya_history_end (history);

  return board; /* the workspace holds it */
}
