/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-file: reading and atomically replacing a workspace file, with etags
 * and rotating backups (POSIX + GLib, local paths and mounted network
 * folders alike).
 *
 * Why not g_file_replace_contents(): on a write error (disk full, quota,
 * file-size limit) it still renames the partial temporary file over the
 * original (PLATFORM-NOTES.md). obeya_file_save() writes the temporary file
 * itself, and only a complete, fsynced temporary file is ever renamed over
 * the original.
 *
 * Etags are "<mtime sec>.<mtime nsec>:<size>:<inode>" from stat(). They are a
 * check, not a lock: a writer that changes the file between the check and the
 * rename, or two in-place edits within the file system's timestamp
 * granularity that keep the size, go unnoticed.
 *
 * Backups: before the original is replaced it is kept (a hard link, or a copy
 * where the file system has no hard links) as
 *
 *     <folder>/.<name>.backups/<name>.<YYYYMMDD-HHMMSS>.bak
 *
 * with the time of the backup in UTC (so names sort correctly across
 * daylight-saving changes). A new backup is made at most every
 * OBEYA_FILE_BACKUP_INTERVAL seconds, so with autosave after every edit the
 * backups still reach back in time; the oldest beyond @n_backups are
 * removed. A failed backup never fails a save (it is logged). When a new
 * generation is made, temporary files that a killed save left behind
 * (`.<name>.saving-XXXXXX`, not written for an hour) are removed too.
 *
 * Writing beyond RLIMIT_FSIZE raises SIGXFSZ, which kills the process unless
 * it is ignored: the application ignores SIGXFSZ so that such a write fails
 * with EFBIG and the save reports an error instead.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Seconds between two backup generations. */
#define OBEYA_FILE_BACKUP_INTERVAL (10 * 60)

/* Files larger than this are refused on load. */
#define OBEYA_FILE_MAX_SIZE ((gsize) 256 * 1024 * 1024)

/* Pass as @expected_etag to obeya_file_save() to create a new file: the save
 * fails with G_IO_ERROR_WRONG_ETAG if the file exists by then. */
#define OBEYA_FILE_ETAG_ABSENT ""

/* Reads the whole regular file. @etag (optional) describes exactly the
 * contents returned, even when another process replaces the file meanwhile.
 * Errors are G_IO_ERROR (NOT_FOUND, PERMISSION_DENIED, IS_DIRECTORY, …). */
gboolean  obeya_file_load         (const char  *path,
                                   GBytes     **contents,
                                   char       **etag,
                                   GError     **error);

/* Atomically replaces (or creates) @path with @contents, following a symbolic
 * link to the real file and keeping the original's permissions.
 * @expected_etag: NULL writes unconditionally; OBEYA_FILE_ETAG_ABSENT
 * requires that the file does not exist; otherwise the file must still have
 * this etag, else G_IO_ERROR_WRONG_ETAG and nothing is changed.
 * @n_backups: how many backup generations to keep (0: none, and existing
 * backups are left alone). On any failure the original is left byte for byte
 * as it was and no temporary file remains. @new_etag (optional) is the etag
 * of the file just written. */
gboolean  obeya_file_save         (const char  *path,
                                   GBytes      *contents,
                                   const char  *expected_etag,
                                   guint        n_backups,
                                   char       **new_etag,
                                   GError     **error);

/* The current etag of @path, or NULL with @error (G_IO_ERROR_NOT_FOUND when
 * it does not exist). */
char     *obeya_file_get_etag     (const char  *path,
                                   GError     **error);

/* The folder holding the backups of @path (it may not exist yet). */
char     *obeya_file_get_backup_dir (const char *path);

/* Full paths of the backups of @path, newest first; an empty vector when
 * there are none. */
char    **obeya_file_list_backups (const char  *path);

G_END_DECLS
