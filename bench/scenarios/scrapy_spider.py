"""
The Scrapy peer: a minimal spider storing each page's title and text in SQLite, following
same-origin links (attachments excluded, as bureau-watch's scope does), the same concurrency per
host. Started by bench/scrapy.ts with BENCH_ARGS (JSON: startUrls, concurrencyPerHost, database);
at exit it writes its peak RSS and CPU time to $BENCH_REPORT (as bench/report-usage.ts does for
the Node scenarios) and prints {"pages": N} as its last stdout line.
"""
import atexit
import json
import os
import re
import resource
import sqlite3
import sys
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess

ARGS = json.loads(os.environ["BENCH_ARGS"])
NOT_A_PAGE = re.compile(r"downfile\.jsp|\.(pdf|docx?|xlsx?|zip|rar|jpe?g|png|gif)$", re.I)
pages = 0


def report_usage():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["BENCH_REPORT"], "w") as out:
        json.dump({"peakRssBytes": usage.ru_maxrss * 1024, "cpuSeconds": usage.ru_utime + usage.ru_stime}, out)


atexit.register(report_usage)


class SqlitePipeline:
    def open_spider(self, spider):
        self.db = sqlite3.connect(ARGS["database"])
        self.db.execute("CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, title TEXT, text TEXT)")

    def process_item(self, item, spider):
        self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", (item["url"], item["title"], item["text"]))
        return item

    def close_spider(self, spider):
        self.db.commit()
        self.db.close()


class BenchSpider(scrapy.Spider):
    name = "bench"
    start_urls = ARGS["startUrls"]

    def parse(self, response):
        global pages
        pages += 1
        title = (response.css("title::text").get() or "").strip()
        text = " ".join(t.strip() for t in response.xpath("//body//text()[not(ancestor::script)]").getall() if t.strip())
        yield {"url": response.url, "title": title, "text": text}
        origin = urlsplit(response.url).netloc
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if urlsplit(url).netloc == origin and not NOT_A_PAGE.search(url):
                yield scrapy.Request(url, callback=self.parse)


process = CrawlerProcess(settings={
    "LOG_LEVEL": "WARNING",
    "CONCURRENT_REQUESTS": ARGS["concurrencyPerHost"] * len(ARGS["startUrls"]),
    "CONCURRENT_REQUESTS_PER_DOMAIN": ARGS["concurrencyPerHost"],
    "ITEM_PIPELINES": {"__main__.SqlitePipeline": 300},
    "TELNETCONSOLE_ENABLED": False,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
})
process.crawl(BenchSpider)
process.start()
sys.stdout.write(json.dumps({"pages": pages}) + "\n")
