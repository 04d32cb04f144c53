import NewsModel
import TerminalUI
