// Test cases kept as data files (tests/language/**/*.test, tests/shell/cli/*.cases,
// tests/shell/golden/*.golden), registered with Catch2 one test a case, so that
// `-l`, tags, names and file:line locations work as for tests written in C++.
//
//   DataCases<Case> cases("the cli case files", "cli/file_format", "[cli]", RunCase);
//   for (const fs::path& file : cases.ListFiles(dir, ".cases", /*recursive=*/false)) { ... cases.Add(c) ... }
//   for (const Case& c : cases.all()) cases.Register(c, c.name, c.file, c.line, "[cli]");
//
// Besides the cases, one test (`file_format_test`) fails with every problem
// met while reading the files (cases.AddError) and when there is no case at
// all, so that a broken file cannot pass unnoticed.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace kg::test {

// `text` with every line indented by two spaces, for a failure's message.
inline std::string IndentLines(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out += "  " + text.substr(begin, end - begin) + "\n";
    begin = end + 1;
  }
  return out;
}

template <class Case>
class DataCases {
 public:
  using Runner = void (*)(const Case&);

  DataCases(std::string what, std::string file_format_test, std::string tags, Runner run)
      : what_(std::move(what)), run_(run) {
    Catch::AutoReg(new FileFormatInvoker(this), Catch::SourceLineInfo(__FILE__, __LINE__), Catch::StringRef(),
                   Catch::NameAndTags{Keep(std::move(file_format_test)), Keep(std::move(tags))});
  }

  // The files ending in `extension` in `root` (and below it when
  // `recursive`), sorted by path; a directory that cannot be read is an error.
  std::vector<std::filesystem::path> ListFiles(const std::filesystem::path& root, const std::string& extension,
                                               bool recursive) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    auto take = [&](const fs::directory_entry& entry) {
      if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
    };
    if (recursive) {
      for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        take(*it);
      }
    } else {
      for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        take(*it);
      }
    }
    if (ec) AddError(root.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
  }

  void AddError(std::string error) { errors_.push_back(std::move(error)); }
  // Keeps the case for the life of the program (registered tests point at it).
  const Case& Add(Case c) {
    cases_.push_back(std::move(c));
    return cases_.back();
  }
  const std::deque<Case>& all() const { return cases_; }

  // Registers `c` (one of all()) as the test `name`, located at file:line.
  void Register(const Case& c, std::string name, std::string file, int line, std::string tags) {
    Catch::AutoReg(new CaseInvoker(this, &c),
                   Catch::SourceLineInfo(Keep(std::move(file)).c_str(), static_cast<size_t>(line)), Catch::StringRef(),
                   Catch::NameAndTags{Keep(std::move(name)), Keep(std::move(tags))});
  }

 private:
  class CaseInvoker : public Catch::ITestInvoker {
   public:
    CaseInvoker(const DataCases* owner, const Case* c) : owner_(owner), case_(c) {}
    void invoke() const override { owner_->run_(*case_); }

   private:
    const DataCases* owner_;
    const Case* case_;
  };

  class FileFormatInvoker : public Catch::ITestInvoker {
   public:
    explicit FileFormatInvoker(const DataCases* owner) : owner_(owner) {}
    void invoke() const override {
      INFO(owner_->what_ << ", " << owner_->cases_.size() << " cases");
      for (const std::string& e : owner_->errors_) FAIL_CHECK(e);
      CHECK(!owner_->cases_.empty());
    }

   private:
    const DataCases* owner_;
  };

  const std::string& Keep(std::string s) {
    strings_.push_back(std::move(s));
    return strings_.back();
  }

  std::string what_;
  Runner run_;
  std::deque<Case> cases_;
  std::deque<std::string> strings_;
  std::vector<std::string> errors_;
};

}  // namespace kg::test
