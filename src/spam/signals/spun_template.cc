// Spun templates: blog spam is written once and "spun" into thousands of
// variants by swapping synonyms ("I'll right away grab your rss feed as I
// can't find your e-mail subscription link"). A few hundred such templates
// have gone round the web for years; their skeletons survive the spinning.
// Each entry below is one skeleton, with the synonyms seen in its variants:
// a reader writing about a page does not use these sentences, which are
// about the blog, its owner and its hosting rather than about anything read.
//
// Spin syntax that the tool failed to expand ("{Hi|Hello|Hey there},
// {great|nice} post") is the template itself.
//
// Entries are written with a space for any run of white space, ' for an
// optional apostrophe (straight or curly), and (a|b) for a choice.
#include <re2/re2.h>

#include <string>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

constexpr const char* kSkeletons[] = {
    // Subscriptions and feeds.
    "(can'?t|cannot|can not|could not|couldn'?t) (to )?(find|in finding|locate) your "
    "(e-?mail|email) subscription",
    "(e-?mail|email) subscription (link|hyperlink) (or|and) (e-?)?newsletter",
    "(grab|clutch|seize|take hold of|snatch) your (rss|rss feed)",
    "settle for (book-?marking|bookmarking) and adding your (rss|feed)",
    "(subscribing|subscribe) to your (augment|feed|feeds|rss feed)s? and (even )?i "
    "(achievement|success|hope)",
    "how (can|could|do) i subscribe (for|to) a (blog|weblog) (site|web site|website)",
    // Hosting, speed, themes, browsers.
    "affiliate link (to|for) your (host|hosting)",
    "(blog|site|website|web site) (loaded|loads) up as (fast|quickly) as yours",
    "(what|which) (web )?host are you (using|utilizing|the use of)",
    "ie (still )?is the (market|marketplace) (leader|chief)",
    "(internet|web) explorer,? (may|might|could|would) (check|test) this",
    "(not|isn'?t) (operating|working) correctly in (internet )?explorer",
    "run into any (web )?(browser|web browser) compatibility (problems|issues)",
    "(paid|premium) (theme|subject|topic) or did you (customize|modify) it (yourself|your self)",
    "(text|texts) in your (post|article|content|contents) seem to be running off the screen",
    "a captcha (plugin|plug-in) for my comment form",
    "(which|what) blog platform are you (using|working with|utilizing)",
    "(point|direct) me in the direction of a good platform",
    "(tired|fed up|sick and tired) of wordpress",
    "issues with hackers and i'?m looking at (options|alternatives)",
    "(loads|loaded) (super|very|extremely|incredibly) (fast|quick) for me on "
    "(safari|firefox|chrome|opera|internet explorer)",
    "(images|pictures) (aren'?t|are not) loading (properly|correctly)",
    "(think|thinks|believe) (its|it'?s) a linking (issue|problem)",
    "(ate|eaten) my first comment",
    "after i clicked submit my comment (didn'?t|did not) (show up|appear)",
    "i'?m not writing all that over again",
    // Plagiarism and hackers.
    "(plagorism|plagiarism|content theft) or copyright (violation|infringement)",
    "(popping|appearing) it up all over the (web|internet)",
    "(help|aid|assist) (to )?(prevent|stop|reduce|protect against) content from being "
    "(ripped off|stolen)",
    "(problems|issues|trouble) with hackers",
    "my last blog \\(?wordpress\\)? was hacked",
    // Asking the owner.
    "(get|find|hire|employ|locate) some professional writers",
    "(would you mind|do you mind|mind if i) (if i )?(quote|quote a few|share) (a few|a couple) of "
    "your (posts|articles)",
    "share your (blog|site|website|web site) with my (facebook|myspace|zynga|twitter) group",
    "(any|some) (helpful hints|recommendations|tips and hints|points|suggestions|tips) for "
    "(inexperienced|first-time|rookie|novice|beginner|newbie|aspiring) blog (writers|bloggers)",
    "(coding|html coding) (knowledge|expertise|know-how) to make your own blog",
    "i (too|as well|also) am an aspiring blog (blogger|writer)",
    "(shame|pity) you (don'?t|do not) have a donate button",
    "(donate|donating) to this (superb|brilliant|fantastic|excellent|outstanding) blog",
    "(added|included|incorporated) you guys to (my|our) (own )?blogroll",
    "(message|discussion|community) (boards|forums) that (cover|discuss|go over) the same "
    "(topics|subjects)",
    "write a (litte|little|little bit|tad) more on this (topic|subject)",
    "(read|learn|know) (more|even more) (things|issues) about it",
    "how (can|could) we communicate",
    // The reader's story.
    "(my|me) (&|and) my (neighbor|neighbour) (were|have been) just preparing to do",
    "(suggested|recommended|referred) this (blog|web site|website|site) by my cousin",
    "(reminds|reminded) me of my (old|previous|good old) room ?mate",
    "(constantly|always|continually) kept (talking|chatting|preaching) about this",
    "i will forward this (post|article|page|write-up|piece of writing) to him",
    "(pretty|fairly) (sure|certain) he will have a (good|great|very good) read",
    "group of volunteers and (starting|opening) a (new|brand new) scheme",
    "(my|our) (brother|spouse|partner|family member|relative|cousin|friend) "
    "(suggested|recommended) i (might|may) like this (blog|website|web site)",
    "(spent|spend) for this (info|information)",
    "(surfing|browsing) (online|on-line) (more than|greater than) (three|3|two|2) hours",
    "never found any (interesting|fascinating) article like yours",
    "if all (webmasters|site owners|website owners|web owners) and bloggers made",
    "(net|web|internet) (will|shall|can) (be|probably be) (much|a lot) more (useful|helpful) "
    "than ever before",
    "(came|got) (across|upon) this board and i (find|found|in finding) it (truly|really) useful",
    "(give|bring|provide) something back and (help|aid) others like you (helped|aided) me",
    // Stock sentences of praise and puzzlement.
    "(make|makes) it (seem|appear|look) (so|really) easy with your presentation",
    "(it'?s|it is) the little changes (that|which) will (make|produce) the (biggest|largest|most "
    "significant|most important) changes",
    "(having|experiencing) (trouble|problems|a tough time) (locating|finding) it but,? i'?d like to "
    "(send|shoot) you an e-?mail",
    "i'?ve got some (creative )?ideas for your blog you might be interested in hearing",
    "i (every time|always) (spent|spend|used to read) my half an hour to read this",
    "quality (articles|posts|content) is the (important|key|crucial|secret|main) to (invite|attract|"
    "be a focus for|interest) the (users|visitors|people|viewers|readers)",
    "thanks (for|designed for|in favor of) finally (writing|talking) about >",
    "i blog (frequently|often|quite often) and i (really|seriously|genuinely|truly) (thank|appreciate) "
    "you for your (content|information)",
    "(simply|just) (wish|want|desire) to say your (article|post) is as (astonishing|amazing|surprising)",
    "the (clarity|clearness) (in|for) your (post|submit) is (simply|just) (nice|great|spectacular|excellent)",
    "someone in my (myspace|facebook|twitter) group shared this (site|website|web site)",
    "(wrote|written) the (book|e-?book) in it or something",
    "(admiring|appreciating) the (time|dedication|persistence|hard work|commitment) (and (energy|effort) )?you put "
    "into your (blog|site|website|web site)",
    "(isn'?t|is not) the same (old )?(outdated|unwanted|out of date) rehashed (material|information|info)",
    "link exchange is nothing else (but|except|however|then) it is (only|just|simply) placing",
    "(enormous|great|impressive|wonderful|fantastic) (ideas|thoughts) in (concerning|regarding|about|"
    "on the topic of) blogging",
    "way cool! some (very|extremely) valid points",
    "i learn something (totally |completely |entirely |fully )?new and challenging on (websites|sites|"
    "blogs) i stumbleupon",
    "(always|at all times) be (stimulating|interesting|exciting|attention-grabbing) to read (content|"
    "articles|posts) from other (writers|authors)",
    "practice (a little something|something|a bit) from their (sites|websites|web sites|blogs)",
    "everything is very open with a (very |really )?(clear|precise) (explanation|description|"
    "clarification) of the (issues|challenges)",
    "(auspicious|fastidious) (writeup|write-up|post|article|piece of writing|paragraph)",
    "(it in fact|it actually|it really) was a (amusement|entertainment) account it",
    "(bored|board) (at|to tears at|to death at) work so i decided to (browse|check out|look at) your "
    "(blog|site|website|web site) on my (iphone|cell phone|phone)",
    "it seems as though you relied on the video to make your point",
    "(i'?m|i am) gone to (say|tell|inform|convey) (to )?my little brother",
    "obtain updated from (hottest|latest|newest|most recent|most up-to-date) (news|reports|information)",
    "what you (would like|want|desire) to say (concerning|regarding|about|on the topic of) this (piece "
    "of writing|post|article|paragraph)",
    "all is going (perfectly|fine|well|sound) here and ofcourse every one is sharing",
    "(too|very) complex and (very|extremely) (broad|wide|extensive) for me",
    "(among|one of) the most (important|vital|significant) (info|information) for me",
    "getting your (info|information),? (but|however) (good|great) (topic|subject)",
    "needs? to spend some time learning (much )?more or understanding more",
    "(definitely|certainly) believe that which you (stated|said)",
    "your favou?rite (reason|justification) (appeared|seemed) to be on the (internet|web|net)",
    "(worries|concerns|issues) that they (plainly|just) (don'?t|do not) know about",
    "hit the nail upon the top",
    "without having (side effect|side-effects|side effects)",
    "(people|folks|others) (can|could) take a signal",
    "best time to make some plans for the future",
    "(suggest|recommend) you (few|some) (interesting|fascinating) (things|issues) or "
    "(advice|suggestions|tips)",
    "write (next|subsequent) articles (referring to|regarding|relating to|concerning) this",
    "keep a reader (entertained|amused)",
    "between your wit and your videos",
    "(almost|practically) moved to start my own blog",
    "you make (blogging|running a blog) (look|glance|seem) easy",
    "(incredible|fantastic|amazing|awesome|superb|excellent) blog (layout|format|structure)! how "
    "long have you been blogging",
    "the (overall|entire|whole) (look|glance) of your (site|web site|website)",
    "(rare|uncommon|infrequent) to see a (nice|great) blog like this one",
    "(could not|couldn'?t|can'?t|can not) (leave|depart|go away) your (site|web site|website) "
    "(prior to|before)",
    "to (check up on|check out|inspect|investigate cross-check) new posts",
    "(i'?ll|i will) learn (many|lots of|plenty of) new stuff (right here|here)",
    "(good|best of) luck for the next",
    "i'?m for the (first|primary) time here",
    "(remember|understand|take into account|keep in mind|bear in mind) your stuff "
    "(previous|prior) to",
    "(care for|take care of) to keep it (smart|sensible|wise)",
    "in accession capital to assert",
    "(enjoyed|loved) account your (blog|weblog) posts",
    "(apprentice|learn) while you amend your",
    "(tiny|a little) bit (acquainted|familiar) of this",
    "your broadcast (offered|provided)",
    "(became|turned into|changed into) (aware|alert) of your blog",
    "(watch out|be careful) for brussels",
    "(benefited|benefit) (from|out of) your writing",
    "(people|users|viewers|visitors) for (creating|building|setting up) new (blog|weblog|webpage|"
    "website|web site) or even a (blog|weblog) from start to end",
    "fastidious (understanding|thing|post|article|paragraph)",
    "(analyzing|studying) (such|these) things,? (so|thus|therefore) i am going to",
    "(sketch|comic) is (attractive|tasteful)",
    "(edginess|impatience|nervousness|shakiness) over that you wish",
    "unwell (certainly|unquestionably) come",
    "in case you (shield|defend|protect) this (increase|hike)",
    "it'?s my first (visit|go to|pay a visit|pay a quick visit) at this",
    "contents (existing|present) at this (web site|website|site|web page)",
    "keep up the (nice|good) work fellows",
    "(thoroughly|truly|really) enjoying your blog",
    "everyone loves what you guys (are|tend to be) up too",
    "this (sort|type|kind) of clever work and (exposure|coverage|reporting)",
    "(hunting|searching|looking) (around|round) for this (info|information)",
    "(lend|lent) a hand to make (seriously|critically|significantly) (posts|articles)",
    "i (frequented|visited) your (web site|website|site|web page) (page )?and (thus|so) far",
    "(amazed|surprised) with the (research|analysis) you made to (make|create) this",
    "come with almost all (vital|significant|important) infos",
    "(like|love|enjoy|appreciate) the (valuable|helpful|useful) (info|information) you "
    "(provide|supply) "
    "(in|on|for|to) your (articles|posts)",
    "(bookmark|book mark) your (weblog|blog|site) and (check|take a look at|test) again "
    "(here|right here)",
    "(couldn'?t|could not) be written (any|much) better",
    "(attractive|appealing) section of content",
    "thing if you are not understanding",
    "this blog is (great|excellent|wonderful|fantastic|magnificent) i (love|like|really like) "
    "(reading|studying) your",
    "anyone else (having|experiencing|encountering) (problems|issues) with the (pictures|images)",
    "problem on my end or if it'?s the blog",
    "i could have sworn i'?ve (been to|visited) this (blog|website|site|web site) before",
    "i'?ll be (bookmarking|book-marking) it and checking back",
    "might be having (browser|web browser|internet browser) compatibility",
    "it has some overlapping",
    "other then that,? (superb|great|wonderful|excellent|fantastic|very good|awesome) blog",
    "while (searching|browsing|surfing) on yahoo news",
    "get listed in yahoo news",
    "any plugins to (help|assist|protect) (with|against) (seo|search engine optimization|hackers)",
    "rank for some targeted keywords",
    "question that'?s (entirely|completely|totally) off topic",
    "how to make your (site|blog|website) mobile friendly",
    "looks weird when (viewing|browsing) from my (iphone|apple iphone|ipad)",
    "you'?re a (very|really|truly|excessively) (skilled|professional) blogger",
    "joined your (feed|rss feed|rss) and",
    "shared your (site|web site|website) in my social networks",
    "this (blog|weblog|web site|website) posts which (contains|consists of|includes|carries)",
    "see your (enthusiasm|expertise|skills) (in|within) the (work|paintings|article|articles) you "
    "write",
    "to have a (web site|website|site|web page),? which is (good|beneficial|helpful|valuable) "
    "(designed for|in favor of|in support of|for) my",
    // Seen in the long tail of the same families.
    "plug them into a zune",
    "zune concentrates on being",
    "(boundless|free) online grant applications",
    "(ended|finished) my (four|4) day (long|lengthy) hunt",
    "shame on (the )?(search engines|google) for (now )?not (positioning|placing) this",
    "come on over and (talk over with|visit|seek advice from|consult with) my (web "
    "site|website|site)",
    "(subscribed|subscribe) to your rss feed which (must|should|will) do the trick",
    "(notified|informed) when a new post has been made",
    "helpful to (anyone|anybody|everyone) who (utilizes|usess|uses|employs|employess|makes use of) "
    "it",
    "(neatly|smartly|well)-(appreciated|liked|favored|favoured) than you (might|may) be",
    "(produced|made) me (personally|for my part|individually|in my opinion|in my view) "
    "(believe|consider|imagine) it from",
    "for rescuing me from (this|such a|such|a) (incident|situation|predicament|dilemma|setting|"
    "matter|circumstance)",
    "(accidental|random) misinformation (that'?s|that is) at the other blogs",
    "(implement|use) a (part|portion|fragment) of your post to my (site|blog|website)",
    "(needed|wanted) to write on my (blog|site|website) something like that",
    "help (different|other) users like (its|it'?s|it has) (helped|aided) me",
    "i am new to this,? i stumbled upon this",
    "(articles|posts|blog posts|weblog posts) in this (kind|sort) of (house|space|area)",
    "(exploring|searching) in (yahoo|google|bing) i (ultimately|eventually|at last|finally) "
    "(stumbled|came) upon",
    "(enjoy|like) (looking at|looking through|reading) on this (site|web site|website)",
    "passionate writers (such as|like) you who",
    "(all the time|always|at all times) (go after|follow) your heart",
    "(info|information) that (should|are meant to|need to|ought to) be shared (across|around) "
    "the (internet|web|net)",
    "(most|many) (individuals|people|persons) will (agree|go along) with your (site|website|"
    "blog|web site)",
    "(a specialist|an expert) (in|on) this (topic|subject) (so|therefore|thus) i can understand "
    "your",
    "of the most (beneficial|useful|helpful) blogs (we|i)('?ve| have)? (ever )?(arrive|come) "
    "across",
    "super-duper (blog|site|website|weblog)",
    "bookmarking your feeds",
    "enjoyed this one,? (appreciate it|regards|thank you|thanks) for (putting up|posting)",
    "(perfectly|very well|well|nicely|perfectly well) (indited|pent)",
    "impressive job\\. i did not (expect|anticipate|imagine) this",
    "you made some (clear|decent|good|nice|really good|fine) points there",
    "(managed to|could) (deal with|finish|complete|conclude) (his|her) (basic )?research "
    "(using|through|via|from) the",
    "daily bloglist",
    "(opposite|other) experts of this (sector|area|field)",
    "readers'? base already",
    "let me to grab your (feed|rss feed|rss)",
    "written in such a (perfect|ideal) (approach|way|manner)\\?",
    "your (post|article|writing) on aol",
    "an expert (in|on) this (house|space|area) to (unravel|solve|resolve)",
    "this write-up very (forced|compelled|pressured)",
    "writing (style|taste) has been (surprised|amazed)",
    "hours of continuous googl",
    "lack of google strategy",
    "(take|hold) (role|part) in (a|the) (tournament|contest|competition) for one of the",
    "bookmarking for revisiting",
    "how (so )?much (effort|attempt) you (set|put) to (create|make)",
    "(too|very) (short|brief|quick) for (novices|newbies|beginners|starters)",
    "(site|website|web-site|web site) (proprietors|owners) should take this",
    "user (genial|friendly) (style|design) and design",
    "i am lucky that i (located|found|discovered) this (web blog|weblog|blog|site)",
    "(lot|bundle|bunch) to (identify|realize|know) about this",
    "points in features also",
    "i am (only|just) commenting to (make you|let you)",
    "discovery my (wife|friend|daughter|cousin|son)'?s (girl|princess|child|kid|daughter)",
    "now i remember why i used to (love|like) this (site|blog|website|web site)",
    "how (frequently|often) you update your (website|site|blog|web site)",
    "to the (holder|owner) of th\\w*s (site|web site|website|web page) who has",
    "(browsing|searching|looking) for (thoughts|ideas) on this (subject|topic|issue) last "
    "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)",
    "normal visitor of one'?s (web site|website|site|blog)",
    "regular visitor for a (lengthy|long) time",
    "(don'?t|do not) even (know|understand) how i (ended|stopped) up here",
    "going to a famous blogger",
    // The exchange-referral family (the name field an exchange's sign-up,
    // the link its referral code): a question about the article that asks
    // nothing about it.
    "is there any more related content",
    "can you be more specific about the content of your article",
    "just kidding,? mainly because i had some doubts",
    "i (am worried|worry) that i lack creative ideas",
    "it is your article that makes me full of hope",
    "your point of view caught my eye and was very interesting",
    "i read many of your blog posts,? cool,? your blog is very good",
    "the point of view of your article has taught me a lot",
    "your article creative ideas have given me",
    "(upgrade|improve) my investment strategy with a new model",
    "appreciate it for (posting|putting up|sharing)",
};

std::string Expand(std::string_view entry) {
  std::string out;
  bool escaped = false;
  for (char c : entry) {
    if (escaped || c == '\\') {
      out += c;
      escaped = !escaped && c == '\\';
    } else if (c == ' ') {
      out += "\\s+";
    } else if (c == '\'') {
      out += "(?:'|’)";
    } else if (c == '(') {
      out += "(?:";
    } else {
      out += c;
    }
  }
  return out;
}

const RE2& Skeletons() {
  static const RE2 re(
      [] {
        std::string all = "(";
        for (std::string_view e : kSkeletons) {
          if (all.size() > 1) all += '|';
          all += Expand(e);
        }
        return all + ")";
      }(),
      RuleOptions());
  return Checked(re);
}

// Spin syntax left unexpanded: "{Hi|Hello|Hey there}, {great|nice} post".
// A spinning tool that fails leaves its choices in braces. Command lines
// and templates use braces and bars too ("nginx {start|stop|reload}",
// "{{ title|lower }}"), one group of single words: spin syntax is two groups
// or more of words and spaces, at least one choice a phrase.
const RE2& SpinGroup() {
  static const RE2 re(R"((?:^|[^{])\{([a-z][a-z' ]{0,40}(?:\|[a-z][a-z' ]{0,40})+)\}(?:[^}]|$))",
                      RuleOptions());
  return Checked(re);
}

bool HasSpinSyntax(const std::string& t, std::string* first) {
  if (t.find('{') == std::string::npos || t.find('|') == std::string::npos) return false;
  re2::StringPiece in(t);
  std::string group;
  int groups = 0;
  bool phrase = false;
  while (RE2::FindAndConsume(&in, SpinGroup(), &group)) {
    if (++groups == 1) *first = "{" + group + "}";
    phrase |= group.find(' ') != std::string::npos;
  }
  return groups >= 2 && phrase;
}

}  // namespace

void CheckSpunTemplate(const Analysis& a, Hits* out) {
  std::string m;
  const std::string& t = a.folded_body;
  if (MayMatch(t, Skeletons()) && RE2::PartialMatch(t, Skeletons(), &m)) {
    out->push_back({"SPUN_TEMPLATE", 1.0, Clip(m)});
  } else if (HasSpinSyntax(t, &m)) {
    out->push_back({"SPUN_TEMPLATE", 1.0, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
