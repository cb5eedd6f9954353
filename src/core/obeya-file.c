/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "obeya-file.h"
#include "obeya-file-private.h"

/* Seconds since the epoch to use instead of the clock (tests); 0: the clock. */
static gint64 fake_now;

void
_obeya_file_set_now_for_testing (gint64 unix_seconds)
{
  fake_now = unix_seconds;
}

static gint64
now_unix (void)
{
  return fake_now != 0 ? fake_now : g_get_real_time () / G_USEC_PER_SEC;
}

static char *
etag_from_stat (const struct stat *st)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%09ld:%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec,
                          (gint64) st->st_size, (guint64) st->st_ino);
}

typedef enum
{
  OP_OPEN,
  OP_READ,
  OP_SAVE,
  OP_CREATE,
  OP_WRITE,
  OP_CREATE_FOLDER,
} Operation;

/* Sets a G_IO_ERROR from @saved_errno naming @path; returns FALSE. */
static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      Operation    operation,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);
  const char *reason = g_strerror (saved_errno);

  switch (operation)
    {
    case OP_OPEN:
      g_set_error (error, G_IO_ERROR, code, _("Could not open “%s”: %s"), display, reason);
      break;
    case OP_READ:
      g_set_error (error, G_IO_ERROR, code, _("Could not read “%s”: %s"), display, reason);
      break;
    case OP_SAVE:
      g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s"), display, reason);
      break;
    case OP_CREATE:
      g_set_error (error, G_IO_ERROR, code, _("Could not create “%s”: %s"), display, reason);
      break;
    case OP_WRITE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), display, reason);
      break;
    case OP_CREATE_FOLDER:
    default:
      g_set_error (error, G_IO_ERROR, code, _("Could not create the folder “%s”: %s"),
                   display, reason);
      break;
    }
  return FALSE;
}

/* ---- Loading ------------------------------------------------------------------ */

/* Reads @fd from offset 0 to its end; @size_hint from fstat. */
static char *
read_all (int     fd,
          gsize   size_hint,
          gsize  *length,
          int    *saved_errno)
{
  gsize capacity = size_hint + 1;
  gsize done = 0;
  char *buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      if (done == capacity)
        {
          if (capacity > OBEYA_FILE_MAX_SIZE)
            {
              g_free (buffer);
              *saved_errno = EFBIG;
              return NULL;
            }
          capacity *= 2;
          buffer = g_realloc (buffer, capacity);
        }

      n = pread (fd, buffer + done, capacity - done, done);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          g_free (buffer);
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
    }

  *length = done;
  return buffer;
}

gboolean
obeya_file_load (const char  *path,
                 GBytes     **contents,
                 char       **etag,
                 GError     **error)
{
  g_autofree char *tag = NULL;
  char *data = NULL;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  /* Non-blocking, so that opening a FIFO does not wait for a writer; the
   * type is checked below before anything is read. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return set_error_from_errno (error, errno, OP_OPEN, path);

  /* If another process writes the file in place while we read, the etag
   * changes: read again, so that the etag describes what was read. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      struct stat before, after;
      int saved_errno = 0;
      g_autofree char *tag_after = NULL;

      if (fstat (fd, &before) != 0)
        {
          saved_errno = errno;
          close (fd);
          return set_error_from_errno (error, saved_errno, OP_READ, path);
        }
      if (S_ISDIR (before.st_mode))
        {
          close (fd);
          return set_error_from_errno (error, EISDIR, OP_OPEN, path);
        }
      if (!S_ISREG (before.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not open “%s”: not a regular file"), display);
          return FALSE;
        }
      if ((guint64) before.st_size > OBEYA_FILE_MAX_SIZE)
        {
          close (fd);
          return set_error_from_errno (error, EFBIG, OP_OPEN, path);
        }
      if (attempt == 0)
        (void) fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

      g_clear_pointer (&data, g_free);
      data = read_all (fd, before.st_size, &length, &saved_errno);
      if (data == NULL)
        {
          close (fd);
          return set_error_from_errno (error, saved_errno, OP_READ, path);
        }

      if (fstat (fd, &after) != 0)
        {
          saved_errno = errno;
          close (fd);
          g_free (data);
          return set_error_from_errno (error, saved_errno, OP_READ, path);
        }

      g_clear_pointer (&tag, g_free);
      tag = etag_from_stat (&before);
      tag_after = etag_from_stat (&after);
      if (strcmp (tag, tag_after) == 0 && (gsize) after.st_size == length)
        break;
    }
  close (fd);

  *contents = g_bytes_new_take (data, length);
  if (etag != NULL)
    *etag = g_steal_pointer (&tag);
  return TRUE;
}

char *
obeya_file_get_etag (const char  *path,
                     GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  if (stat (path, &st) != 0)
    {
      set_error_from_errno (error, errno, OP_READ, path);
      return NULL;
    }
  return etag_from_stat (&st);
}

/* ---- Backups ---------------------------------------------------------------------- */

#define STAMP_LEN 15 /* YYYYMMDD-HHMMSS */

/* @path with a symbolic link resolved when the file exists. */
static char *
resolve_path (const char *path)
{
  char *real = realpath (path, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  return g_strdup (path);
}

char *
obeya_file_get_backup_dir (const char *path)
{
  g_autofree char *real = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hidden = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  real = resolve_path (path);
  dir = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  hidden = g_strdup_printf (".%s.backups", base);
  return g_build_filename (dir, hidden, NULL);
}

/* The stamp of a backup file name "<base>.<stamp>.bak", or NULL. */
static const char *
backup_stamp (const char *name,
              const char *base)
{
  gsize base_len = strlen (base);
  const char *stamp;

  if (strlen (name) != base_len + 1 + STAMP_LEN + 4 ||
      strncmp (name, base, base_len) != 0 || name[base_len] != '.' ||
      !g_str_has_suffix (name, ".bak"))
    return NULL;

  stamp = name + base_len + 1;
  for (guint i = 0; i < STAMP_LEN; i++)
    {
      if (i == 8 ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
        return NULL;
    }
  return stamp;
}

static gint64
stamp_to_unix (const char *stamp)
{
  g_autoptr(GDateTime) time = NULL;
  int v[6];
  static const guint8 offsets[6] = { 0, 4, 6, 9, 11, 13 };
  static const guint8 widths[6] = { 4, 2, 2, 2, 2, 2 };

  for (guint i = 0; i < 6; i++)
    {
      v[i] = 0;
      for (guint j = 0; j < widths[i]; j++)
        v[i] = v[i] * 10 + (stamp[offsets[i] + j] - '0');
    }
  time = g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Backup file names (not paths) in @backup_dir, newest first. */
static GPtrArray *
list_backup_names (const char *backup_dir,
                   const char *base)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return names;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (backup_stamp (name, base) != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  /* Same prefix and fixed-width stamps: name order is time order. */
  g_ptr_array_sort (names, compare_names_newest_first);
  return names;
}

char **
obeya_file_list_backups (const char *path)
{
  g_autofree char *real = NULL;
  g_autofree char *base = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (path != NULL, NULL);

  real = resolve_path (path);
  base = g_path_get_basename (real);
  backup_dir = obeya_file_get_backup_dir (real);
  names = list_backup_names (backup_dir, base);

  paths = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (backup_dir, g_ptr_array_index (names, i), NULL));
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (paths, FALSE);
}

/* Writes all of @data to @fd, looping over short writes. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length,
           int        *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* A copy of @source at @dest made through a temporary file in @dest's folder. */
static gboolean
copy_file (const char *source,
           const char *dest,
           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", dest);
  int saved_errno = 0;
  int fd;

  if (!obeya_file_load (source, &bytes, NULL, error))
    return FALSE;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_error_from_errno (error, errno, OP_CREATE, tmp);

  if (!write_all (fd, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &saved_errno) ||
      fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return set_error_from_errno (error, saved_errno, OP_WRITE, tmp);
    }
  if (close (fd) != 0 || rename (tmp, dest) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_error_from_errno (error, saved_errno, OP_WRITE, dest);
    }
  return TRUE;
}

/* Removes temporary files of @base that a killed save left in @dir: those
 * not written for an hour (a live save keeps writing to its own). */
static void
remove_stale_temporary_files (const char *dir,
                              const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.saving-", base);
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - 3600;
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < limit)
        g_unlink (path);
    }
}

/* Keeps the current @real file as a backup generation, if the newest one
 * is old enough, and removes the oldest beyond @n_backups. */
static gboolean
make_backup (const char *real,
             guint       n_backups,
             GError    **error)
{
  g_autofree char *base = g_path_get_basename (real);
  g_autofree char *backup_dir = obeya_file_get_backup_dir (real);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDateTime) now_time = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  gint64 now = now_unix ();

  if (g_mkdir (backup_dir, 0777) != 0 && errno != EEXIST)
    return set_error_from_errno (error, errno, OP_CREATE_FOLDER, backup_dir);

  names = list_backup_names (backup_dir, base);
  if (names->len > 0)
    {
      const char *newest = g_ptr_array_index (names, 0);
      gint64 newest_time = stamp_to_unix (backup_stamp (newest, base));

      /* A backup "from the future" means the clock went back: make one. */
      if (newest_time <= now && now - newest_time < OBEYA_FILE_BACKUP_INTERVAL)
        return TRUE;
    }

  now_time = g_date_time_new_from_unix_utc (now);
  stamp = g_date_time_format (now_time, "%Y%m%d-%H%M%S");
  name = g_strdup_printf ("%s.%s.bak", base, stamp);
  backup = g_build_filename (backup_dir, name, NULL);

  if (link (real, backup) != 0)
    {
      if (errno == EEXIST)
        return TRUE;
      /* No hard links here (FAT, some network shares): copy. */
      if (!copy_file (real, backup, error))
        return FALSE;
    }
  g_ptr_array_insert (names, 0, g_steal_pointer (&name));

  /* Once per backup generation is often enough for this. */
  {
    g_autofree char *dir = g_path_get_dirname (real);

    remove_stale_temporary_files (dir, base);
  }

  for (guint i = n_backups; i < names->len; i++)
    {
      g_autofree char *old = g_build_filename (backup_dir, g_ptr_array_index (names, i), NULL);

      if (g_unlink (old) != 0 && errno != ENOENT)
        g_message ("Could not remove the old backup “%s”: %s", old, g_strerror (errno));
    }
  return TRUE;
}

/* ---- Saving ------------------------------------------------------------------------- */

static void
fsync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is done by now; a file system that cannot sync a directory
   * (EINVAL) is no reason to report the save as failed. */
  if (fd < 0)
    return;
  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    g_message ("Could not sync the folder “%s”: %s", dir, g_strerror (errno));
  close (fd);
}

gboolean
obeya_file_save (const char  *path,
                 GBytes      *contents,
                 const char  *expected_etag,
                 guint        n_backups,
                 char       **new_etag,
                 GError     **error)
{
  g_autofree char *real = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *written_etag = NULL;
  g_autofree char *current_etag = NULL;
  g_autoptr(GError) backup_error = NULL;
  struct stat st;
  gboolean exists;
  gboolean exclusive;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  real = resolve_path (path);
  dir = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  exclusive = expected_etag != NULL && expected_etag[0] == '\0';

  exists = stat (real, &st) == 0;
  if (!exists && errno != ENOENT)
    return set_error_from_errno (error, errno, OP_SAVE, path);
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: not a regular file"), display);
      return FALSE;
    }
  if (exists && access (real, W_OK) != 0)
    return set_error_from_errno (error, errno, OP_SAVE, path);

  tmp_name = g_strdup_printf (".%s.saving-XXXXXX", base);
  tmp = g_build_filename (dir, tmp_name, NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *display_dir = g_filename_display_name (dir);
      g_autofree char *display = g_filename_display_name (path);

      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: cannot create a file in the folder “%s”: %s"),
                   display, display_dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (exists)
    {
      /* A team file in a shared folder keeps its owner and group, so the
       * next teammate can still save it: the owner can only be kept by
       * root, the group by a member of it (best effort, as GIO does; GIO
       * writes in place when it cannot, which is not atomic). chown clears
       * the set-id bits, so the mode comes after. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0 &&
          fchown (fd, (uid_t) -1, st.st_gid) != 0)
        g_debug ("Could not keep the owner and group of %s", path);
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("Could not keep the mode of %s", path);
    }

  if (!write_all (fd, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                  &saved_errno))
    goto failed;
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  /* rename() keeps the inode and the mtime: this is the etag after the save. */
  written_etag = etag_from_stat (&st);
  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto failed;
    }
  fd = -1;

  /* Has someone else changed the file since we read it? */
  current_etag = obeya_file_get_etag (real, NULL);
  if (expected_etag != NULL &&
      (exclusive ? current_etag != NULL : g_strcmp0 (current_etag, expected_etag) != 0))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp);
      if (current_etag == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                     _("“%s” was removed or renamed by someone else"), display);
      else if (exclusive)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                     _("“%s” already exists"), display);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                     _("“%s” was changed by someone else since it was opened"), display);
      return FALSE;
    }

  if (current_etag != NULL && n_backups > 0 && !make_backup (real, n_backups, &backup_error))
    g_message ("No backup of “%s” was made: %s", real, backup_error->message);

  if (exclusive)
    {
      /* link() fails if the file appeared meanwhile: a true create. */
      if (link (tmp, real) == 0)
        {
          g_unlink (tmp);
          fsync_directory (dir);
          goto done;
        }
      if (errno == EEXIST)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("“%s” already exists"), display);
          return FALSE;
        }
      /* No hard links on this file system: fall back to rename(). */
    }

  if (rename (tmp, real) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  fsync_directory (dir);

done:
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&written_etag);
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return set_error_from_errno (error, saved_errno, OP_SAVE, path);
}
