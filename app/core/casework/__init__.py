"""Cases: the case register, its status flow, statutory deadlines and disclosure packs."""
