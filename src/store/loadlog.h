/* loadlog.h - the store's own side of its logs (loads.csv, added.csv,
 * revisions.csv, flags.csv): their names and headers (db.c appends them
 * in a load's transaction; loadlog.c writes their lines). What the layers
 * above see of them is in db.h (bt_txn_load, bt_txn_added, bt_txn_flag,
 * bt_txn_revision, bt_db_changes). */
#ifndef BT_LOADLOG_H
#define BT_LOADLOG_H

#define BT_LOADS_LOG "loads.csv"
#define BT_LOADS_HEADER "loaded_at,file,added,revised,deleted,flags\n"
#define BT_REVISIONS_LOG "revisions.csv"
#define BT_REVISIONS_HEADER "revised_at,series,date,old,new,file\n"
#define BT_FLAGS_LOG "flags.csv"
#define BT_FLAGS_HEADER "changed_at,series,date,old,new,file\n"
#define BT_ADDED_LOG "added.csv"
#define BT_ADDED_HEADER "added_at,series,date,value,file\n"

#endif
