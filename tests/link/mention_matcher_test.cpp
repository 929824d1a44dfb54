// The matcher's rules (engine/link/mention_matcher.h), each on a small
// dictionary of the project's own names: what must match, and what must not.
#include "link/mention_matcher.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "interchange/import/importer.h"
#include "link/article_text.h"
#include "link/link_entity.h"
#include "link/link_output.h"
#include "link/name_dictionary.h"
#include "main/database.h"

using kg::link::FindMentions;
using kg::link::LinkEntity;
using kg::link::Mention;
using kg::link::NameDictionary;

namespace {

NameDictionary Dictionary() {
  std::vector<LinkEntity> e = {
      {"committee/ubqg-unesco-vn",
       {"Organization", "Committee"},
       "Ủy ban Quốc gia UNESCO Việt Nam",
       {"Ủy ban Quốc gia UNESCO Việt Nam", "Vietnam National Commission for UNESCO", "UBQG"}},
      {"org/unesco", {"Organization"}, "UNESCO", {"UNESCO"}},
      {"org/unesco-director-general",
       {"Organization"},
       "Tổng Giám đốc UNESCO",
       {"Tổng Giám đốc UNESCO", "UNESCO Director-General"}},
      {"country/vn", {"Country"}, "Việt Nam", {"Việt Nam", "Vietnam"}},
      {"place/ha-noi", {"Place"}, "Hà Nội", {"Hà Nội", "Hanoi"}},
      {"org/unesco-office-hanoi",
       {"Organization"},
       "Văn phòng UNESCO tại Hà Nội",
       {"Văn phòng UNESCO tại Hà Nội", "UNESCO Office in Hanoi"}},
      {"committee/culture", {"Organization", "Committee"}, "Tiểu ban Văn hóa", {"Tiểu ban Văn hóa", "Văn hóa"}},
      {"country/it", {"Country"}, "Italy", {"Italy", "Ý"}},
      {"org/cpv", {"Organization"}, "Đảng Cộng sản Việt Nam", {"Đảng Cộng sản Việt Nam", "Đảng"}},
      {"person/hong-seok-in", {"Person"}, "Hong Seok-In", {"Hong Seok-In", "Hong"}},
      {"event/review-2020",
       {"Event"},
       "Hội nghị Tổng kết công tác 2020",
       {"Hội nghị Tổng kết công tác 2020", "Hội nghị"}},
      {"event/conference-2024",
       {"Event"},
       "Hội nghị Ngoại giao văn hóa 2024",
       {"Hội nghị Ngoại giao văn hóa 2024", "Hội nghị"}},
      {"instrument/directive-25", {"Instrument"}, "Chỉ thị số 25/CT-TƯ", {"Chỉ thị số 25/CT-TƯ"}},
      {"instrument/doi-moi", {"Instrument"}, "Renovation policy", {"Renovation policy", "công cuộc đổi mới"}},
  };
  return NameDictionary(std::move(e));
}

struct Found {
  std::string key;  // "?" for an ambiguous mention
  std::string text;
  bool operator==(const Found& o) const { return key == o.key && text == o.text; }
};

std::ostream& operator<<(std::ostream& os, const Found& f) { return os << f.key << " '" << f.text << "'"; }

std::vector<Found> Link(const std::string& text) {
  const NameDictionary d = Dictionary();
  std::vector<Found> found;
  for (const Mention& m : FindMentions(text, d)) {
    found.push_back({m.decided() ? d.entities()[m.candidates[0]].key : "?", m.text});
  }
  return found;
}

}  // namespace

TEST_CASE("link: names match through folding, on word boundaries, with byte spans", "[link]") {
  const std::string text = "Uỷ ban quốc gia UNESCO Việt Nam họp tại HÀ NỘI. Unescoland is not UNESCO.";
  const NameDictionary d = Dictionary();
  const std::vector<Mention> m = FindMentions(text, d);
  REQUIRE(m.size() == 3);
  CHECK(d.entities()[m[0].candidates[0]].key == "committee/ubqg-unesco-vn");
  CHECK(m[0].begin == 0);
  CHECK(text.substr(m[0].begin, m[0].end - m[0].begin) == "Uỷ ban quốc gia UNESCO Việt Nam");
  CHECK(m[1].text == "HÀ NỘI");
  CHECK(m[2].text == "UNESCO");
  CHECK(text.substr(m[2].sentence.begin, m[2].sentence.end - m[2].sentence.begin) == "Unescoland is not UNESCO.");
}

TEST_CASE("link: the longest name owns its words and a modifier inside it is no mention", "[link]") {
  CHECK(Link("Ủy ban Quốc gia UNESCO Việt Nam") ==
        std::vector<Found>{{"committee/ubqg-unesco-vn", "Ủy ban Quốc gia UNESCO Việt Nam"}});
}

TEST_CASE("link: a name introduced by a linking word inside a longer one is a mention too", "[link]") {
  CHECK(Link("Văn phòng UNESCO tại Hà Nội") ==
        std::vector<Found>{{"org/unesco-office-hanoi", "Văn phòng UNESCO tại Hà Nội"}, {"place/ha-noi", "Hà Nội"}});
  CHECK(Link("the UNESCO Office in Hanoi") ==
        std::vector<Found>{{"org/unesco-office-hanoi", "UNESCO Office in Hanoi"}, {"place/ha-noi", "Hanoi"}});
}

TEST_CASE("link: a deputy's title is another office than the title it holds", "[link]") {
  CHECK(Link("Tổng Giám đốc UNESCO phát biểu") ==
        std::vector<Found>{{"org/unesco-director-general", "Tổng Giám đốc UNESCO"}});
  CHECK(Link("Phó Tổng Giám đốc UNESCO phát biểu") == std::vector<Found>{{"org/unesco", "UNESCO"}});
  CHECK(Link("the UNESCO Director-General said") ==
        std::vector<Found>{{"org/unesco-director-general", "UNESCO Director-General"}});
}

TEST_CASE("link: a proper name needs a capital where the graph writes one", "[link]") {
  CHECK(Link("các Tiểu ban (Giáo dục, Văn hóa) họp") == std::vector<Found>{{"committee/culture", "Văn hóa"}});
  CHECK(Link("trong lĩnh vực giáo dục, văn hóa và khoa học").empty());
  // A form the graph writes in lower case matches in any case.
  CHECK(Link("Công cuộc đổi mới") == std::vector<Found>{{"instrument/doi-moi", "Công cuộc đổi mới"}});
}

TEST_CASE("link: a short name matches only as written, not first in a sentence nor in a longer name", "[link]") {
  CHECK(Link("Đại diện Ý và Đảng tham dự.") == std::vector<Found>{{"country/it", "Ý"}, {"org/cpv", "Đảng"}});
  CHECK(Link("Ý kiến bạn đọc. Các ý tưởng đang được bàn.").empty());
  CHECK(Link("ngôi sao võ thuật Hong Kong").empty());
  CHECK(Link("ông Hong cho biết") == std::vector<Found>{{"person/hong-seok-in", "Hong"}});
}

TEST_CASE("link: a name does not run across a bracket or a line break it does not have", "[link]") {
  CHECK(Link("Tiểu ban (Văn hóa)") == std::vector<Found>{{"committee/culture", "Văn hóa"}});
  CHECK(Link("Tiểu ban Văn hóa") == std::vector<Found>{{"committee/culture", "Tiểu ban Văn hóa"}});
  CHECK(Link("Ủy ban Quốc gia UNESCO\nViệt Nam") ==
        std::vector<Found>{{"org/unesco", "UNESCO"}, {"country/vn", "Việt Nam"}});
  // Punctuation the form has is matched.
  CHECK(Link("Chỉ thị số 25/CT-TƯ") == std::vector<Found>{{"instrument/directive-25", "Chỉ thị số 25/CT-TƯ"}});
}

TEST_CASE("link: a name shared by several nodes goes to the one the article names nearest", "[link]") {
  CHECK(
      Link("Hội nghị Tổng kết công tác 2020 diễn ra. Tại Hội nghị, ...") ==
      std::vector<Found>{{"event/review-2020", "Hội nghị Tổng kết công tác 2020"}, {"event/review-2020", "Hội nghị"}});
  CHECK(Link("Tại Hội nghị, các đại biểu ...") == std::vector<Found>{{"?", "Hội nghị"}});
}

TEST_CASE("link: the article's errors are one line each", "[link]") {
  const std::string dir = "link-test-article-dir";
  std::filesystem::create_directories(dir);
  auto message = [](const std::string& path) { return kg::link::ReadArticle(path).status().message(); };
  CHECK(message("no/such/article.txt") == "cannot read no/such/article.txt: no such file");
  CHECK(message(dir) == dir + " is a directory, not an article's text");
  {
    std::ofstream(dir + "/empty.txt");
    std::ofstream(dir + "/latin1.txt") << "Hà Nội\nVi\xEAt Nam\n";
    std::ofstream(dir + "/blank.txt") << " \n\t-- \n";
  }
  CHECK(message(dir + "/empty.txt") == dir + "/empty.txt is empty");
  CHECK(message(dir + "/latin1.txt") ==
        dir + "/latin1.txt:2:3: not UTF-8 (byte 0xEA at offset 12); kg link reads UTF-8 text");
  CHECK(message(dir + "/blank.txt") == dir + "/blank.txt has no words to link");
  std::filesystem::remove_all(dir);
}

TEST_CASE("link: the Document's key comes from the file's name", "[link]") {
  CHECK(kg::link::DocumentKey("../shared/seeds/002_45e6da296702babd.txt", "x") == "doc/002-45e6da296702babd");
  CHECK(kg::link::DocumentKey("Bài viết Hà Nội.txt", "x") == "doc/bai-viet-ha-noi");
  CHECK(kg::link::DocumentKey("文章.txt", "x").size() == 4 + 16);
  CHECK(kg::link::ArticleTitle("\n  \nĐổi mới, sáng tạo\n\nBody") == "Đổi mới, sáng tạo");
}

// --write's file is a kg JSON graph file: copied beside data/graph's files,
// the directory imports as one graph, and the Document's MENTIONS reach the
// nodes the table showed.
TEST_CASE("link: the written file imports cleanly with a copy of data/graph", "[link]") {
  namespace fs = std::filesystem;
  kg::DatabaseOptions options;
  options.store.in_memory = true;
  auto source = kg::Database::Open("link-write-source", options);
  REQUIRE(source.ok());
  REQUIRE(kg::interchange::ImportGraph(**source, {KG_DATA_DIR "/graph"}, {}).ok());
  auto entities = kg::link::LoadLinkEntities(**source);
  REQUIRE(entities.ok());
  const NameDictionary dictionary(std::move(entities).value());
  const std::string text =
      "Hội nghị ngoại giao văn hóa tại Hà Nội\n"
      "Bộ trưởng Bùi Thanh Sơn làm việc với Văn phòng UNESCO tại Hà Nội và Ủy ban Quốc gia UNESCO Việt Nam.\n";
  const std::vector<Mention> mentions = FindMentions(text, dictionary);
  kg::link::ArticleInfo article{"new-article.txt", kg::link::DocumentKey("new-article.txt", text), text};
  size_t left_out = 0;
  const std::string graph = kg::link::DocumentGraphJson(article, dictionary, mentions, &left_out);
  CHECK(left_out == 1);  // the first "Hội nghị": two conferences, neither named

  const fs::path dir = "link-write-test-graph";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(KG_DATA_DIR "/graph"))
    fs::copy(entry.path(), dir / entry.path().filename());
  std::ofstream(dir / "005-new-article.json") << graph;
  auto copy = kg::Database::Open("link-write-copy", options);
  REQUIRE(copy.ok());
  auto imported = kg::interchange::ImportGraph(**copy, {dir.string()}, {});
  INFO((imported.ok() ? std::string() : imported.status().ToString()));
  REQUIRE(imported.ok());
  auto rows = (*copy)->Execute(
      "MATCH (:Document {key: 'doc/new-article'})-[m:MENTIONS]->(n) RETURN n.key, m.spans ORDER BY n.key");
  REQUIRE(rows.ok());
  std::vector<std::string> keys;
  for (const auto& row : rows->rows) keys.push_back(row[0].as_string());
  // "ngoại giao văn hóa" is the cultural diplomacy topic of doc/004.
  CHECK(keys == std::vector<std::string>{"committee/ubqg-unesco-vn", "org/unesco-office-hanoi", "person/bui-thanh-son",
                                         "place/ha-noi", "topic/cultural-diplomacy"});
  // Hà Nội: in the headline and inside the office's name.
  CHECK(rows->rows[3][1].as_list().size() == 4);
  fs::remove_all(dir);
}
