/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the core (GLib 2.74 lacks some newer conveniences).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() (GLib 2.76): replaces *@str_pointer with a copy of
 * @new_str; returns TRUE if the value changed. */
static inline gboolean
obeya_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* g_strv_equal() that treats NULL as the empty vector. */
static inline gboolean
obeya_strv_equal (const char * const *a,
                  const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

/* A new random id: 10 characters of [0-9a-z] (about 51 bits). */
char *obeya_new_id (void);

G_END_DECLS
