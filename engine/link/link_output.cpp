#include "link/link_output.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text_fold.h"
#include "common/utf8.h"

namespace kg::link {
namespace {

// Members in the order a reader wants them, not sorted.
using json = nlohmann::ordered_json;

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  const size_t cols = utf8::Length(s);
  if (cols < width) out.append(width - cols, ' ');
  return out;
}

// At most `max` characters of `s` (whole UTF-8 sequences), "…" when cut.
std::string Clip(std::string_view s, size_t max) {
  if (utf8::Length(s) <= max) return std::string(s);
  size_t cols = 0, i = 0;
  while (i < s.size() && cols + 1 < max) {
    ++i;
    while (i < s.size() && utf8::IsContinuation(s[i])) ++i;
    ++cols;
  }
  return std::string(s.substr(0, i)) + "…";
}

// White space runs (line breaks too) as one space.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The sentence with the mention in brackets, about `width` characters
// around it.
std::string SentenceLine(std::string_view text, const Mention& m, size_t width) {
  const std::string before = OneLine(text.substr(m.sentence.begin, m.begin - m.sentence.begin));
  const std::string after = OneLine(text.substr(m.end, m.sentence.end - m.end));
  const std::string middle = "[" + OneLine(m.text) + "]";
  const size_t room = width > utf8::Length(middle) ? width - utf8::Length(middle) : 0;
  std::string left = before, right = after;
  if (utf8::Length(left) > room / 2) {
    // keep the end of `before`
    size_t drop = utf8::Length(left) - room / 2, i = 0;
    while (drop > 0 && i < left.size()) {
      ++i;
      while (i < left.size() && utf8::IsContinuation(left[i])) ++i;
      --drop;
    }
    left = "…" + left.substr(i);
  }
  const size_t right_room = room > utf8::Length(left) ? room - utf8::Length(left) : 0;
  right = Clip(right, std::max<size_t>(right_room, 1));
  std::string line = left;
  if (!left.empty() && left.back() != ' ' && !before.empty() && before.back() == ' ') line.push_back(' ');
  if (!before.empty() && text[m.begin - 1] == ' ') {
    if (line.empty() || line.back() != ' ') line.push_back(' ');
  }
  line += middle;
  if (m.end < m.sentence.end && (text[m.end] == ' ' || text[m.end] == '\n')) line.push_back(' ');
  return line + right;
}

json NodeJson(const LinkEntity& e) { return json{{"key", e.key}, {"labels", e.labels}, {"name", e.name}}; }

std::string LabelsText(const LinkEntity& e) {
  std::string s;
  for (const std::string& l : e.labels) s += (s.empty() ? "" : ":") + l;
  return s;
}

// Decided mentions by node key, their spans in order.
std::map<std::string, std::vector<size_t>> SpansByNode(const NameDictionary& dictionary,
                                                       const std::vector<Mention>& mentions) {
  std::map<std::string, std::set<std::pair<size_t, size_t>>> places;
  for (const Mention& m : mentions) {
    if (!m.decided()) continue;
    places[dictionary.entities()[m.candidates[0]].key].insert({m.begin, m.end});
  }
  std::map<std::string, std::vector<size_t>> spans;
  for (const auto& [key, set] : places) {
    for (const auto& [b, e] : set) {
      spans[key].push_back(b);
      spans[key].push_back(e);
    }
  }
  return spans;
}

}  // namespace

std::string DocumentKey(const std::string& path, std::string_view text) {
  const std::string stem = std::filesystem::path(path).stem().string();
  std::string slug;
  for (const std::string& word : FoldTokens(stem)) {
    bool ascii = true;
    for (unsigned char c : word) ascii = ascii && c < 0x80;
    if (!ascii) continue;
    if (!slug.empty()) slug.push_back('-');
    slug += word;
  }
  if (slug.empty()) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    slug = hex;
  }
  return "doc/" + slug;
}

std::string ArticleTitle(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (!FoldTokens(line).empty()) return OneLine(line);
    start = end + 1;
  }
  return std::string();
}

std::string MentionTable(const ArticleInfo& article, const NameDictionary& dictionary,
                         const std::vector<Mention>& mentions) {
  std::ostringstream out;
  const size_t kText = 34, kKey = 40;
  out << Pad("#", 4) << Pad("bytes", 13) << Pad("text", kText + 2) << Pad("node", kKey + 2) << "labels\n";
  size_t ambiguous = 0;
  std::set<size_t> nodes;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const std::string bytes = std::to_string(m.begin) + "-" + std::to_string(m.end);
    out << Pad(std::to_string(i + 1), 4) << Pad(bytes, 13) << Pad(Clip(OneLine(m.text), kText), kText + 2);
    if (m.decided()) {
      const LinkEntity& e = dictionary.entities()[m.candidates[0]];
      nodes.insert(m.candidates[0]);
      out << Pad(Clip(e.key, kKey), kKey + 2) << LabelsText(e);
    } else {
      ++ambiguous;
      out << "(ambiguous: " << m.candidates.size() << " candidates)";
    }
    out << "\n";
    std::string note;
    if (m.outer >= 0) note += "inside #" + std::to_string(m.outer + 1) + "; ";
    if (m.chosen_by_context) note += "name shared by several nodes, chosen by the nearest naming; ";
    if (!note.empty()) out << "      " << note.substr(0, note.size() - 2) << "\n";
    if (!m.decided()) {
      for (size_t c : m.candidates) {
        const LinkEntity& e = dictionary.entities()[c];
        out << "      candidate " << e.key << " (" << LabelsText(e) << "): " << e.name << "\n";
      }
    }
    out << "      " << SentenceLine(article.text, m, 90) << "\n";
  }
  out << mentions.size() << " mention" << (mentions.size() == 1 ? "" : "s") << " of " << nodes.size() << " node"
      << (nodes.size() == 1 ? "" : "s") << " in " << article.path;
  if (ambiguous > 0) out << "; " << ambiguous << " ambiguous (a person chooses)";
  out << "\n";
  return out.str();
}

std::string MentionJson(const ArticleInfo& article, const NameDictionary& dictionary,
                        const std::vector<Mention>& mentions) {
  json list = json::array();
  for (const Mention& m : mentions) {
    json j{{"begin", m.begin}, {"end", m.end}, {"text", m.text}};
    if (m.decided()) {
      j["node"] = NodeJson(dictionary.entities()[m.candidates[0]]);
      if (m.chosen_by_context) j["chosen_by_context"] = true;
    } else {
      json candidates = json::array();
      for (size_t c : m.candidates) candidates.push_back(NodeJson(dictionary.entities()[c]));
      j["candidates"] = candidates;
    }
    j["form"] = m.form;
    if (m.outer >= 0) j["inside"] = m.outer;
    j["sentence"] = {{"begin", m.sentence.begin},
                     {"end", m.sentence.end},
                     {"text", std::string(article.text.substr(m.sentence.begin, m.sentence.end - m.sentence.begin))}};
    list.push_back(std::move(j));
  }
  json nodes = json::array();
  for (const auto& [key, spans] : SpansByNode(dictionary, mentions)) nodes.push_back({{"key", key}, {"spans", spans}});
  json doc{{"article", article.path},
           {"key", article.key},
           {"bytes", article.text.size()},
           {"mentions", list},
           {"nodes", nodes}};
  return doc.dump(2) + "\n";
}

std::string DocumentGraphJson(const ArticleInfo& article, const NameDictionary& dictionary,
                              const std::vector<Mention>& mentions, size_t* left_out) {
  *left_out = 0;
  for (const Mention& m : mentions) *left_out += m.decided() ? 0 : 1;
  std::ostringstream out;
  json props{{"key", article.key},
             {"file", std::filesystem::path(article.path).filename().string()},
             {"bytes", article.text.size()},
             {"title", ArticleTitle(article.text)}};
  out << "{\"kg_graph\": 1,\n \"nodes\": [\n  " << json{{"labels", {"Document"}}, {"properties", props}}.dump()
      << "\n ],\n \"links\": [";
  bool first = true;
  for (const auto& [key, spans] : SpansByNode(dictionary, mentions)) {
    json link{{"type", "MENTIONS"}, {"source", article.key}, {"target", key}, {"properties", {{"spans", spans}}}};
    out << (first ? "\n  " : ",\n  ") << link.dump();
    first = false;
  }
  out << "\n ]}\n";
  return out.str();
}

}  // namespace kg::link
