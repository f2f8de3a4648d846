"""Nền tảng quản lý Chương trình 1322 (hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng)."""
