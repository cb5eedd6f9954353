/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-test"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "obeya-file.h"
#include "obeya-file-private.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("obeya-test-file-XXXXXX", &error);
  g_assert_no_error (error);
  /* Traversable by an unprivileged child (see test_read_only_dir). */
  g_chmod (fixture->dir, 0755);
  fixture->path = g_build_filename (fixture->dir, "team.obeya", NULL);
  _obeya_file_set_now_for_testing (0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  _obeya_file_set_now_for_testing (0);
}

static GBytes *
bytes_printf (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static GBytes *
bytes_printf (const char *format,
              ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return g_bytes_new_take (text, strlen (text));
}

static void
assert_file_contents (const char *path,
                      GBytes     *expected)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Names in @dir other than the file and its backup folder (temp files). */
static guint
count_strays (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (strcmp (name, "team.obeya") != 0 && strcmp (name, ".team.obeya.backups") != 0 &&
          strcmp (name, "link.obeya") != 0)
        n++;
    }
  return n;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) v1 = bytes_printf ("{\"version\": 1}\n");
  g_autoptr(GBytes) v2 = bytes_printf ("{\"version\": 2, \"name\": \"Équipe\"}\n");
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag1 = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *load_etag = NULL;
  g_autofree char *stat_etag = NULL;
  g_autofree char *link = NULL;
  struct stat st;

  /* A new file. */
  g_assert_true (obeya_file_save (fixture->path, v1, OBEYA_FILE_ETAG_ABSENT, 3, &etag1, &error));
  g_assert_no_error (error);
  g_assert_true (obeya_file_load (fixture->path, &loaded, &load_etag, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, v1));
  g_assert_cmpstr (load_etag, ==, etag1);
  stat_etag = obeya_file_get_etag (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stat_etag, ==, etag1);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);

  /* Replace it, keeping its permissions. */
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_free (etag1);
  etag1 = obeya_file_get_etag (fixture->path, NULL);
  g_assert_true (obeya_file_save (fixture->path, v2, etag1, 3, &etag2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (etag2, !=, etag1);
  assert_file_contents (fixture->path, v2);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);

  /* Through a symbolic link: the real file is replaced, the link stays. */
  link = g_build_filename (fixture->dir, "link.obeya", NULL);
  g_assert_cmpint (symlink ("team.obeya", link), ==, 0);
  g_assert_true (obeya_file_save (link, v1, etag2, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_file_contents (fixture->path, v1);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);

  /* An empty file is a file too. */
  {
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr(GBytes) back = NULL;

    g_assert_true (obeya_file_save (fixture->path, empty, NULL, 0, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (obeya_file_load (fixture->path, &back, NULL, &error));
    g_assert_cmpuint (g_bytes_get_size (back), ==, 0);
  }
}

static void
test_large_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gsize size = 12 * 1024 * 1024 + 17;
  guchar *data = g_malloc (size);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double save_s;

  for (gsize i = 0; i < size; i++)
    data[i] = (i * 7919) >> 3;
  big = g_bytes_new_take (data, size);

  g_timer_start (timer);
  g_assert_true (obeya_file_save (fixture->path, big, NULL, 3, NULL, &error));
  save_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_timer_start (timer);
  g_assert_true (obeya_file_load (fixture->path, &loaded, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("12 MB: save (write + fsync + rename) %.1f ms, load %.1f ms",
                  save_s * 1e3, g_timer_elapsed (timer, NULL) * 1e3);
  g_assert_true (g_bytes_equal (loaded, big));
}

static void
test_etag_mismatch (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GBytes) ours = bytes_printf ("ours\n");
  g_autoptr(GBytes) mine = bytes_printf ("mine, not saved\n");
  g_autoptr(GBytes) theirs = bytes_printf ("theirs, written meanwhile\n");
  g_autoptr(GBytes) same_size = bytes_printf ("THEIRS, written meanwhile\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_auto(GStrv) backups = NULL;

  g_assert_true (obeya_file_save (fixture->path, ours, NULL, 3, &etag, &error));
  g_assert_no_error (error);

  /* Another program replaces the file. */
  g_assert_true (g_file_set_contents (fixture->path, g_bytes_get_data (theirs, NULL),
                                      g_bytes_get_size (theirs), NULL));
  g_assert_false (obeya_file_save (fixture->path, mine, etag, 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "changed by someone else"));
  g_clear_error (&error);
  assert_file_contents (fixture->path, theirs);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);
  backups = obeya_file_list_backups (fixture->path);
  g_assert_cmpuint (g_strv_length (backups), ==, 0);

  /* Another program writes in place, same size (mtime in nanoseconds). */
  g_free (etag);
  etag = obeya_file_get_etag (fixture->path, NULL);
  g_usleep (20 * 1000);
  {
    FILE *f = fopen (fixture->path, "r+");

    g_assert_nonnull (f);
    g_assert_cmpuint (fwrite (g_bytes_get_data (same_size, NULL), 1,
                              g_bytes_get_size (same_size), f), ==, g_bytes_get_size (same_size));
    fclose (f);
  }
  g_assert_false (obeya_file_save (fixture->path, mine, etag, 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  assert_file_contents (fixture->path, same_size);

  /* Removed meanwhile: not silently re-created. */
  g_free (etag);
  etag = obeya_file_get_etag (fixture->path, NULL);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_false (obeya_file_save (fixture->path, mine, etag, 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* Creating: refused when the file exists, fine when it does not. */
  g_assert_true (obeya_file_save (fixture->path, ours, OBEYA_FILE_ETAG_ABSENT, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (obeya_file_save (fixture->path, mine, OBEYA_FILE_ETAG_ABSENT, 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  assert_file_contents (fixture->path, ours);

  /* NULL: no check at all. */
  g_assert_true (obeya_file_save (fixture->path, mine, NULL, 3, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (fixture->path, mine);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);
}

static void
test_fsize_limit (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) original = bytes_printf ("{\"original\": true}\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  int status;
  pid_t pid;

  g_assert_true (obeya_file_save (fixture->path, original, NULL, 3, &etag, &error));
  g_assert_no_error (error);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      gsize size = 1024 * 1024;
      g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (size), size);
      g_autoptr(GError) child_error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (2);
      if (obeya_file_save (fixture->path, big, etag, 3, NULL, &child_error))
        _exit (3);
      if (strstr (child_error->message, g_strerror (EFBIG)) == NULL ||
          strstr (child_error->message, "team.obeya") == NULL)
        _exit (4);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  assert_file_contents (fixture->path, original);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);
  {
    g_autofree char *now = obeya_file_get_etag (fixture->path, NULL);

    g_assert_cmpstr (now, ==, etag);
  }
}

static GBytes *
make_version (char   fill,
              gsize  size)
{
  char *data = g_malloc (size);

  memset (data, fill, size);
  data[0] = '[';
  data[size - 1] = ']';
  return g_bytes_new_take (data, size);
}

static void
test_kill_while_saving (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gsize size = 4 * 1024 * 1024;
  g_autoptr(GBytes) a = make_version ('a', size);
  g_autoptr(GBytes) b = make_version ('b', size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autoptr(GError) error = NULL;
  guint n_a = 0, n_b = 0, n_strays = 0;

  g_assert_true (obeya_file_save (fixture->path, a, NULL, 3, NULL, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GBytes) loaded = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint i = 0; ; i++)
            {
              if (!obeya_file_save (fixture->path, i % 2 ? a : b, NULL, 3, NULL, NULL))
                _exit (1);
            }
        }

      g_usleep (g_rand_int_range (rand, 1000, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (obeya_file_load (fixture->path, &loaded, NULL, &error));
      g_assert_no_error (error);
      if (g_bytes_equal (loaded, a))
        n_a++;
      else if (g_bytes_equal (loaded, b))
        n_b++;
      else
        g_error ("round %u: the file is neither version (%zu bytes)", round,
                 g_bytes_get_size (loaded));

      /* A kill can leave the temporary file; clear it for the next round. */
      dir = g_dir_open (fixture->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_has_prefix (name, ".team.obeya.saving-"))
            {
              g_autofree char *stray = g_build_filename (fixture->dir, name, NULL);

              n_strays++;
              g_unlink (stray);
            }
        }
    }
  g_test_message ("50 kills: %u times version a, %u times b, %u temporary files left behind",
                  n_a, n_b, n_strays);
  g_assert_cmpuint (n_a + n_b, ==, 50);
}

static char *
read_text (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_backups (Fixture       *fixture,
              gconstpointer  user_data)
{
  gint64 t0 = 1700000000; /* 2023-11-14 22:13:20 UTC */
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;
  g_autofree char *backup_dir = obeya_file_get_backup_dir (fixture->path);
  g_autofree char *expected_dir = g_build_filename (fixture->dir, ".team.obeya.backups", NULL);
  struct stat st;

  g_assert_cmpstr (backup_dir, ==, expected_dir);
  backups = obeya_file_list_backups (fixture->path);
  g_assert_nonnull (backups);
  g_assert_cmpuint (g_strv_length (backups), ==, 0);
  g_clear_pointer (&backups, g_strfreev);

  /* Save version 0..9, one a minute: backups only every 10 minutes. */
  for (guint v = 0; v < 40; v++)
    {
      g_autoptr(GBytes) bytes = bytes_printf ("version %u\n", v);

      _obeya_file_set_now_for_testing (t0 + v * 60);
      g_assert_true (obeya_file_save (fixture->path, bytes, NULL, 3, NULL, &error));
      g_assert_no_error (error);
    }

  /* Backups were taken at minutes 1, 11, 21, 31 (each holding the version
   * before that save); the oldest beyond 3 was removed. */
  backups = obeya_file_list_backups (fixture->path);
  g_assert_cmpuint (g_strv_length (backups), ==, 3);
  g_assert_true (g_str_has_suffix (backups[0], "/.team.obeya.backups/team.obeya.20231114-224420.bak"));
  g_assert_true (g_str_has_suffix (backups[1], "/.team.obeya.backups/team.obeya.20231114-223420.bak"));
  g_assert_true (g_str_has_suffix (backups[2], "/.team.obeya.backups/team.obeya.20231114-222420.bak"));
  {
    g_autofree char *newest = read_text (backups[0]);
    g_autofree char *oldest = read_text (backups[2]);

    g_assert_cmpstr (newest, ==, "version 30\n");
    g_assert_cmpstr (oldest, ==, "version 10\n");
  }
  /* The backup is the old file itself (a hard link), no longer shared. */
  g_assert_cmpint (g_stat (backups[0], &st), ==, 0);
  g_assert_cmpuint (st.st_nlink, ==, 1);
  g_clear_pointer (&backups, g_strfreev);

  /* Temporary files left by a killed save go when a new generation is made,
   * unless they are recent (a save in progress elsewhere). */
  {
    g_autofree char *stale = g_build_filename (fixture->dir, ".team.obeya.saving-AbC123", NULL);
    g_autofree char *fresh = g_build_filename (fixture->dir, ".team.obeya.saving-XyZ789", NULL);
    g_autoptr(GBytes) bytes = bytes_printf ("version 40\n");
    struct utimbuf old_times = { 0 };

    old_times.actime = old_times.modtime = time (NULL) - 2 * 3600;
    g_assert_true (g_file_set_contents (stale, "partial", -1, NULL));
    g_assert_true (g_file_set_contents (fresh, "partial", -1, NULL));
    g_assert_cmpint (g_utime (stale, &old_times), ==, 0);

    _obeya_file_set_now_for_testing (t0 + 45 * 60);
    g_assert_true (obeya_file_save (fixture->path, bytes, NULL, 3, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_unlink (fresh);
    backups = obeya_file_list_backups (fixture->path);
    g_assert_cmpuint (g_strv_length (backups), ==, 3);
    g_assert_true (g_str_has_suffix (backups[0], "/team.obeya.20231114-225820.bak"));
    g_clear_pointer (&backups, g_strfreev);
  }

  /* Foreign files in the folder are ignored and left alone. */
  {
    g_autofree char *foreign = g_build_filename (expected_dir, "notes.txt", NULL);
    g_autofree char *other = g_build_filename (expected_dir, "team.obeya.2023-bad.bak", NULL);

    g_assert_true (g_file_set_contents (foreign, "x", -1, NULL));
    g_assert_true (g_file_set_contents (other, "x", -1, NULL));
  }

  /* The clock went back: a backup "from the future" does not block new ones. */
  {
    g_autoptr(GBytes) bytes = bytes_printf ("after the clock went back\n");

    _obeya_file_set_now_for_testing (t0 - 3600);
    g_assert_true (obeya_file_save (fixture->path, bytes, NULL, 3, NULL, &error));
    g_assert_no_error (error);
    backups = obeya_file_list_backups (fixture->path);
    g_assert_cmpuint (g_strv_length (backups), ==, 3);
    /* The state before this save (version 40) is among them. */
    {
      gboolean found = FALSE;

      for (guint i = 0; backups[i] != NULL; i++)
        {
          g_autofree char *text = read_text (backups[i]);

          found |= g_str_equal (text, "version 39\n");
        }
      g_assert_true (found);
    }
    g_clear_pointer (&backups, g_strfreev);
  }
  g_assert_true (g_file_test (expected_dir, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *foreign = g_build_filename (expected_dir, "notes.txt", NULL);

    g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  }

  /* n_backups = 0 makes none and removes none. */
  {
    g_autoptr(GBytes) bytes = bytes_printf ("no backup\n");

    _obeya_file_set_now_for_testing (t0 + 100000);
    g_assert_true (obeya_file_save (fixture->path, bytes, NULL, 0, NULL, &error));
    g_assert_no_error (error);
    backups = obeya_file_list_backups (fixture->path);
    g_assert_cmpuint (g_strv_length (backups), ==, 3);
  }
}

/* Tries to save @path in a child process without privileges (root ignores
 * permissions, so the child becomes nobody); asserts that it fails with
 * PERMISSION_DENIED and a message naming @mention. */
static void
assert_unprivileged_save_denied (const char *path,
                                 const char *mention)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GBytes) change = bytes_printf ("changed\n");
      g_autoptr(GError) child_error = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (2);
      if (obeya_file_save (path, change, NULL, 3, NULL, &child_error))
        _exit (3);
      if (!g_error_matches (child_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        _exit (4);
      if (strstr (child_error->message, mention) == NULL ||
          strstr (child_error->message, "team.obeya") == NULL)
        _exit (5);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_read_only_dir (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GBytes) original = bytes_printf ("original\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (obeya_file_save (fixture->path, original, NULL, 3, NULL, &error));
  g_assert_no_error (error);

  /* The file itself is writable, its folder is not: the message names the folder. */
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  assert_unprivileged_save_denied (fixture->path, fixture->dir);
  g_chmod (fixture->dir, 0755);
  assert_file_contents (fixture->path, original);
  g_assert_cmpuint (count_strays (fixture->dir), ==, 0);

  /* A read-only file is not replaced either. */
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_unprivileged_save_denied (fixture->path, "team.obeya");
  assert_file_contents (fixture->path, original);
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *etag;

  g_assert_false (obeya_file_load (fixture->path, &bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "team.obeya"));
  g_clear_error (&error);

  etag = obeya_file_get_etag (fixture->path, &error);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (obeya_file_load (fixture->dir, &bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (obeya_file_load ("/dev/null", &bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* A FIFO with no writer: refused at once, not waited on. */
  {
    g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.obeya", NULL);

    g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
    g_assert_false (obeya_file_load (fifo, &bytes, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);
    g_assert_cmpint (g_unlink (fifo), ==, 0);
  }

  /* Saving over a folder is refused. */
  {
    g_autoptr(GBytes) text = bytes_printf ("x");

    g_assert_cmpint (g_mkdir (fixture->path, 0755), ==, 0);
    g_assert_false (obeya_file_save (fixture->path, text, NULL, 3, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_assert_cmpuint (count_strays (fixture->dir), ==, 0);
  }
  g_assert_null (bytes);
}

/* A teammate's save keeps the file's owner and group (here as root, who
 * may keep both), so its owner can still save it afterwards. */
static void
test_keeps_owner (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) original = bytes_printf ("Alice's\n");
  g_autoptr(GBytes) change = bytes_printf ("Bob's\n");
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to hand the file to another user");
      return;
    }
  g_assert_true (obeya_file_save (fixture->path, original, NULL, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chown (fixture->path, 1000, 100), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0664), ==, 0);

  g_assert_true (obeya_file_save (fixture->path, change, NULL, 3, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (fixture->path, change);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 1000);
  g_assert_cmpuint (st.st_gid, ==, 100);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0664);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/file/round-trip", test_round_trip);
  ADD ("/file/large-round-trip", test_large_round_trip);
  ADD ("/file/etag-mismatch", test_etag_mismatch);
  ADD ("/file/fsize-limit", test_fsize_limit);
  ADD ("/file/kill-while-saving", test_kill_while_saving);
  ADD ("/file/backups", test_backups);
  ADD ("/file/read-only-dir", test_read_only_dir);
  ADD ("/file/load-errors", test_load_errors);
  ADD ("/file/keeps-owner", test_keeps_owner);

#undef ADD

  return g_test_run ();
}
