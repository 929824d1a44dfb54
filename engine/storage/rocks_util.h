// The boundary with RocksDB: its Status becomes ours here, and nowhere else.
#pragma once

#include <rocksdb/status.h>

#include <string>

#include "common/status.h"

namespace kg {

// `what` says what was being done ("reading node 5"), for the message.
inline Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  return Status::Storage(what + ": " + s.ToString());
}

}  // namespace kg
