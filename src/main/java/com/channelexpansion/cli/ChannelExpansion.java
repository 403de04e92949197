package com.channelexpansion.cli;
public class ChannelExpansion { public static void main(String[] a) {} }
