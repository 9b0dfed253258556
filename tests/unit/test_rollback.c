/* test_rollback.c - the rollback journal (store/rollback.h): saved ranges
 * are written back, a cut record cuts a log back to its length, undoing
 * twice is harmless, and a journal naming a file it may not is refused. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "base/fileio.h"
#include "store/rollback.h"

static char dir[] = "bt_rollback_XXXXXX"; /* in the working directory */

static void put_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static int file_is(const char *rel, const char *want)
{
    char path[256];
    struct bt_buf b;
    struct bt_error e;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    if (bt_file_read(path, &b, &e) != 0)
        return 0;
    int same = b.len == strlen(want) && memcmp(b.data, want, b.len) == 0;
    bt_buf_release(&b);
    return same;
}

/* Writes a journal at DB/.rollback: the first 4 bytes of ind/a.rrd as
 * they are now, and loads.csv's (or name's) length now. */
static int journal(const char *log, struct bt_error *e)
{
    char path[256];
    struct bt_rollback r;
    struct bt_range rg = {0, 4};
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, log);
    stat(path, &st);
    snprintf(path, sizeof path, "%s/.rollback", dir);
    if (bt_rollback_begin(&r, path, e) != 0 ||
        bt_rollback_put(&r, "ind/a.rrd", &rg, 1, (const unsigned char *)"abcd", e) != 0 ||
        bt_rollback_cut(&r, log, (uint64_t)st.st_size, e) != 0 ||
        bt_rollback_finish(&r, e) != 0)
        return -1;
    bt_rollback_release(&r);
    return 0;
}

int main(void)
{
    struct bt_error e;
    char path[256], sub[256];
    if (!mkdtemp(dir))
        return 1;
    snprintf(sub, sizeof sub, "%s/ind", dir);
    mkdir(sub, 0755);
    snprintf(path, sizeof path, "%s/.rollback", dir);

    put_file("ind/a.rrd", "abcdefgh");
    put_file("loads.csv", "header\nline1\n");
    CHECK(journal("loads.csv", &e) == 0);
    /* the load: the file written in place, the log appended to */
    put_file("ind/a.rrd", "WXYZefgh");
    put_file("loads.csv", "header\nline1\nline2\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("ind/a.rrd", "abcdefgh"));
    CHECK(file_is("loads.csv", "header\nline1\n"));
    /* repeating it is harmless: a log is cut, never grown back */
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("loads.csv", "header\nline1\n"));
    put_file("loads.csv", "header\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("loads.csv", "header\n"));

    /* a cut record may name only a log at the top of the database */
    CHECK(!bt_rollback_log_ok("ind/a.rrd") && !bt_rollback_log_ok("../loads.csv"));
    CHECK(bt_rollback_log_ok("loads.csv") && bt_rollback_log_ok("added.csv"));
    put_file("notes.txt", "keep\n");
    CHECK(journal("notes.txt", &e) == 0);
    put_file("notes.txt", "keep\nmore\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);
    CHECK(strstr(e.msg, "which is not a log of the database") != NULL);
    CHECK(file_is("notes.txt", "keep\nmore\n"));

    /* a damaged journal is refused, nothing written back */
    CHECK(journal("loads.csv", &e) == 0);
    int fd = open(path, O_WRONLY);
    CHECK(pwrite(fd, "X", 1, 30) == 1);
    close(fd);
    put_file("loads.csv", "header\nline9\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);
    CHECK(strstr(e.msg, "is damaged") != NULL);
    CHECK(file_is("loads.csv", "header\nline9\n"));

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    return CHECK_DONE();
}
