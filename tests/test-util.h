/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the test programs (header only: each test is one
 * executable).
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and, for a folder, everything in it (made writable first). */
static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      test_remove_tree (child);
    }
  g_rmdir (path);
}
