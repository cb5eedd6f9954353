/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the test programs (header only: each test is one
 * executable).
 */
#pragma once

#include <glib.h>
#include <glib-object.h>
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

/* Drops the test's reference to @object and asserts that it is finalized,
 * letting the main loop run for up to ten seconds first: a document's file
 * poll or save runs in a worker thread that holds a reference until its
 * callback has run on the main loop, and on a loaded CI machine under
 * AddressSanitizer that can take longer than a few frames. A reference
 * that is really leaked still fails the test. */
static inline void
test_await_finalize (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
  g_assert_null (weak);
}
