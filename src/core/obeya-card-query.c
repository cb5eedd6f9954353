/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-query.h"
#include "obeya-column.h"
#include "obeya-lane.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

struct _ObeyaCardQuery
{
  GObject   parent_instance;

  char     *text;
  GStrv     words;     /* folded words of @text; NULL when there are none */
  GStrv     assignees; /* NULL when empty */
  GStrv     tags;      /* NULL when empty */
  char     *person;
  gboolean  blocked_only;
  gboolean  overdue_only;
};

G_DEFINE_FINAL_TYPE (ObeyaCardQuery, obeya_card_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ASSIGNEES,
  PROP_TAGS,
  PROP_BLOCKED_ONLY,
  PROP_OVERDUE_ONLY,
  PROP_PERSON,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- folding --------------------------------------------------------------- */

/* Letters that compatibility decomposition leaves alone but a reader
 * expects to find with a plain ASCII query. Case folded forms only. */
static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x00E6: return "ae"; /* æ */
    case 0x00F0: return "d";  /* ð */
    case 0x00F8: return "o";  /* ø */
    case 0x00FE: return "th"; /* þ */
    case 0x0111: return "d";  /* đ */
    case 0x0127: return "h";  /* ħ */
    case 0x0131: return "i";  /* dotless ı */
    case 0x0142: return "l";  /* ł */
    case 0x0153: return "oe"; /* œ */
    default: return NULL;
    }
}

char *
obeya_card_query_fold_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  const char *p;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* ASCII (most text): lower case is all there is to do. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  out = g_string_sized_new (strlen (decomposed));
  for (p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *special;

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (g_unichar_ismark (c))
        continue;
      else if ((special = fold_special (c)) != NULL)
        g_string_append (out, special);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Each card's folded "title\ndescription", kept on the card with the text
 * it was made from. Words never hold a newline, so no word can match across
 * the join. Comparing the kept text (a memcmp) is far cheaper than folding
 * again, and is safe whoever changed the card and however. */
typedef struct
{
  char *title;
  char *description;
  char *folded;
} FoldedCard;

static void
folded_card_free (gpointer data)
{
  FoldedCard *cache = data;

  g_free (cache->title);
  g_free (cache->description);
  g_free (cache->folded);
  g_free (cache);
}

static GQuark
folded_card_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("obeya-card-query-folded");
  return quark;
}

static const char *
card_folded_text (ObeyaCard *card)
{
  const char *title = obeya_card_get_title (card);
  const char *description = obeya_card_get_description (card);
  FoldedCard *cache = g_object_get_qdata (G_OBJECT (card), folded_card_quark ());
  g_autofree char *joined = NULL;

  if (cache != NULL && g_strcmp0 (cache->title, title) == 0 &&
      g_strcmp0 (cache->description, description) == 0)
    return cache->folded;

  cache = g_new0 (FoldedCard, 1);
  cache->title = g_strdup (title);
  cache->description = g_strdup (description);
  joined = g_strconcat (title ? title : "", "\n", description ? description : "", NULL);
  cache->folded = obeya_card_query_fold_text (joined);
  g_object_set_qdata_full (G_OBJECT (card), folded_card_quark (), cache, folded_card_free);
  return cache->folded;
}

static GStrv
split_words (const char *text)
{
  g_autofree char *folded = obeya_card_query_fold_text (text);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r\f\v", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        g_strv_builder_add (builder, parts[i]);
        any = TRUE;
      }
  return any ? g_strv_builder_end (builder) : NULL;
}

/* ---- GObject --------------------------------------------------------------- */

static void
obeya_card_query_finalize (GObject *object)
{
  ObeyaCardQuery *self = OBEYA_CARD_QUERY (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->assignees, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->person, g_free);

  G_OBJECT_CLASS (obeya_card_query_parent_class)->finalize (object);
}

static void
obeya_card_query_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaCardQuery *self = OBEYA_CARD_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ASSIGNEES:
      g_value_set_boxed (value, self->assignees);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_BLOCKED_ONLY:
      g_value_set_boolean (value, self->blocked_only);
      break;
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;
    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_query_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObeyaCardQuery *self = OBEYA_CARD_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      obeya_card_query_set_text (self, g_value_get_string (value));
      break;
    case PROP_ASSIGNEES:
      obeya_card_query_set_assignees (self, g_value_get_boxed (value));
      break;
    case PROP_TAGS:
      obeya_card_query_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_BLOCKED_ONLY:
      obeya_card_query_set_blocked_only (self, g_value_get_boolean (value));
      break;
    case PROP_OVERDUE_ONLY:
      obeya_card_query_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_PERSON:
      obeya_card_query_set_person (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_query_dispatch_properties_changed (GObject     *object,
                                              guint        n_pspecs,
                                              GParamSpec **pspecs)
{
  G_OBJECT_CLASS (obeya_card_query_parent_class)->dispatch_properties_changed (object, n_pspecs,
                                                                             pspecs);
  /* One ::changed per batch of notifications (g_object_set() of several
   * properties, obeya_card_query_clear()). */
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
obeya_card_query_class_init (ObeyaCardQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_card_query_finalize;
  object_class->get_property = obeya_card_query_get_property;
  object_class->set_property = obeya_card_query_set_property;
  object_class->dispatch_properties_changed = obeya_card_query_dispatch_properties_changed;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_ASSIGNEES] = g_param_spec_boxed ("assignees", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_BLOCKED_ONLY] = g_param_spec_boolean ("blocked-only", NULL, NULL, FALSE, rw);
  properties[PROP_OVERDUE_ONLY] = g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE, rw);
  properties[PROP_PERSON] = g_param_spec_string ("person", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaCardQuery::changed:
   *
   * Emitted once after the criteria changed, however many at a time.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
obeya_card_query_init (ObeyaCardQuery *self)
{
}

ObeyaCardQuery *
obeya_card_query_new (void)
{
  return g_object_new (OBEYA_TYPE_CARD_QUERY, NULL);
}

/* ---- criteria -------------------------------------------------------------- */

const char *
obeya_card_query_get_text (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), NULL);
  return self->text;
}

void
obeya_card_query_set_text (ObeyaCardQuery *self,
                           const char     *text)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (!obeya_set_str (&self->text, text))
    return;

  g_clear_pointer (&self->words, g_strfreev);
  self->words = split_words (self->text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* Copies @ids into @field, NULL for an empty list; TRUE if it changed. */
static gboolean
set_id_list (GStrv              *field,
             const char * const *ids)
{
  if (ids != NULL && ids[0] == NULL)
    ids = NULL;
  if (obeya_strv_equal ((const char * const *) *field, ids))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) ids);
  return TRUE;
}

const char * const *
obeya_card_query_get_assignees (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), NULL);
  return (const char * const *) self->assignees;
}

void
obeya_card_query_set_assignees (ObeyaCardQuery     *self,
                                const char * const *person_ids)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  if (set_id_list (&self->assignees, person_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEES]);
}

const char * const *
obeya_card_query_get_tags (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), NULL);
  return (const char * const *) self->tags;
}

void
obeya_card_query_set_tags (ObeyaCardQuery     *self,
                           const char * const *tag_ids)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  if (set_id_list (&self->tags, tag_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
obeya_card_query_get_blocked_only (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), FALSE);
  return self->blocked_only;
}

void
obeya_card_query_set_blocked_only (ObeyaCardQuery *self,
                                   gboolean        blocked_only)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  blocked_only = !!blocked_only;
  if (self->blocked_only == blocked_only)
    return;
  self->blocked_only = blocked_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKED_ONLY]);
}

gboolean
obeya_card_query_get_overdue_only (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), FALSE);
  return self->overdue_only;
}

void
obeya_card_query_set_overdue_only (ObeyaCardQuery *self,
                                   gboolean        overdue_only)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;
  self->overdue_only = overdue_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_ONLY]);
}

const char *
obeya_card_query_get_person (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), NULL);
  return self->person;
}

void
obeya_card_query_set_person (ObeyaCardQuery *self,
                             const char     *person_id)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  if (person_id != NULL && person_id[0] == '\0')
    person_id = NULL;
  if (obeya_set_str (&self->person, person_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

void
obeya_card_query_clear (ObeyaCardQuery *self)
{
  g_return_if_fail (OBEYA_IS_CARD_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  obeya_card_query_set_text (self, NULL);
  obeya_card_query_set_assignees (self, NULL);
  obeya_card_query_set_tags (self, NULL);
  obeya_card_query_set_blocked_only (self, FALSE);
  obeya_card_query_set_overdue_only (self, FALSE);
  obeya_card_query_set_person (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
obeya_card_query_is_empty (ObeyaCardQuery *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), TRUE);

  return self->words == NULL && self->assignees == NULL && self->tags == NULL &&
         self->person == NULL && !self->blocked_only && !self->overdue_only;
}

/* ---- matching -------------------------------------------------------------- */

static gboolean
has_any (const char * const *card_ids,
         const char * const *wanted)
{
  if (card_ids == NULL)
    return FALSE;
  for (guint i = 0; wanted[i] != NULL; i++)
    if (g_strv_contains (card_ids, wanted[i]))
      return TRUE;
  return FALSE;
}

gboolean
obeya_card_query_matches (ObeyaCardQuery *self,
                          ObeyaCard      *card,
                          ObeyaDay        today)
{
  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), FALSE);
  g_return_val_if_fail (OBEYA_IS_CARD (card), FALSE);

  /* Cheapest criteria first; the text last. */
  if (self->blocked_only && !obeya_card_get_blocked (card))
    return FALSE;
  if (self->overdue_only && !obeya_card_is_overdue (card, today))
    return FALSE;
  if (self->person != NULL && !obeya_card_has_assignee (card, self->person))
    return FALSE;
  if (self->assignees != NULL &&
      !has_any (obeya_card_get_assignees (card), (const char * const *) self->assignees))
    return FALSE;
  if (self->tags != NULL &&
      !has_any (obeya_card_get_tags (card), (const char * const *) self->tags))
    return FALSE;

  if (self->words != NULL)
    {
      const char *haystack = card_folded_text (card);

      for (guint i = 0; self->words[i] != NULL; i++)
        if (strstr (haystack, self->words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

GPtrArray *
obeya_card_query_collect (ObeyaCardQuery *self,
                          ObeyaWorkspace *workspace,
                          ObeyaDay        today)
{
  GListModel *boards;
  GPtrArray *result;
  guint n_boards;

  g_return_val_if_fail (OBEYA_IS_CARD_QUERY (self), NULL);
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  boards = obeya_workspace_get_boards (workspace);
  n_boards = g_list_model_get_n_items (boards);
  for (guint b = 0; b < n_boards; b++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, b);
      GListModel *columns = obeya_board_get_columns (board);
      GListModel *lanes = obeya_board_get_lanes (board);
      guint n_columns = g_list_model_get_n_items (columns);
      guint n_lanes = g_list_model_get_n_items (lanes);

      if (obeya_board_get_archived (board))
        continue;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, c);

          /* A board without lanes has one cell per column (lane NULL). */
          for (guint l = 0; l < MAX (n_lanes, 1); l++)
            {
              g_autoptr(ObeyaLane) lane = n_lanes > 0 ? g_list_model_get_item (lanes, l) : NULL;
              GListModel *cell = obeya_column_get_cell (column, lane);
              guint n_cards = g_list_model_get_n_items (cell);

              for (guint i = 0; i < n_cards; i++)
                {
                  ObeyaCard *card = g_list_model_get_item (cell, i);

                  if (obeya_card_query_matches (self, card, today))
                    g_ptr_array_add (result, card);
                  else
                    g_object_unref (card);
                }
            }
        }
    }
  return result;
}
