/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-util.h"

char *
obeya_new_id (void)
{
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char *id = g_malloc (11);

  for (guint i = 0; i < 10; i++)
    id[i] = alphabet[g_random_int_range (0, 36)];
  id[10] = '\0';
  return id;
}
